-- Access: units (ministries, agencies, provinces, communes) and the API keys that act for them.
CREATE TABLE dbo.unit (
    id uniqueidentifier NOT NULL CONSTRAINT pk_unit PRIMARY KEY NONCLUSTERED,
    code nvarchar(32) NOT NULL,
    name nvarchar(300) NOT NULL,
    kind nvarchar(20) NOT NULL,
    parent_id uniqueidentifier NULL CONSTRAINT fk_unit_parent REFERENCES dbo.unit (id),
    created_at datetimeoffset NOT NULL,
    version bigint NOT NULL
);
CREATE UNIQUE INDEX ux_unit_code ON dbo.unit (code);
CREATE INDEX ix_unit_parent_id ON dbo.unit (parent_id);

CREATE TABLE dbo.api_key (
    id uniqueidentifier NOT NULL CONSTRAINT pk_api_key PRIMARY KEY NONCLUSTERED,
    unit_id uniqueidentifier NOT NULL CONSTRAINT fk_api_key_unit REFERENCES dbo.unit (id),
    name nvarchar(100) NOT NULL,
    roles nvarchar(100) NOT NULL,
    prefix nvarchar(40) NOT NULL,
    secret_hash nvarchar(64) NOT NULL,
    created_at datetimeoffset NOT NULL,
    created_by_key_id uniqueidentifier NULL,
    revoked_at datetimeoffset NULL
);
CREATE UNIQUE INDEX ux_api_key_secret_hash ON dbo.api_key (secret_hash);
CREATE INDEX ix_api_key_unit_id ON dbo.api_key (unit_id, created_at, id);
CREATE CLUSTERED INDEX ix_api_key_created_at ON dbo.api_key (created_at, id);
