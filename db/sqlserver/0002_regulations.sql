-- Regulations: the legal documents obstacles are tied to, and the search index over them.
CREATE TABLE dbo.regulation (
    id uniqueidentifier NOT NULL CONSTRAINT pk_regulation PRIMARY KEY NONCLUSTERED,
    symbol nvarchar(50) NOT NULL,
    symbol_key nvarchar(50) NOT NULL,
    type nvarchar(40) NOT NULL,
    title nvarchar(1000) NOT NULL,
    issuer nvarchar(200) NOT NULL,
    issued_on date NOT NULL,
    effective_on date NULL,
    status nvarchar(20) NOT NULL,
    guides_id uniqueidentifier NULL CONSTRAINT fk_regulation_guides REFERENCES dbo.regulation (id),
    created_at datetimeoffset NOT NULL,
    updated_at datetimeoffset NOT NULL,
    version bigint NOT NULL
);
-- One document per symbol, whatever the case or diacritics it was typed with.
CREATE UNIQUE INDEX ux_regulation_symbol_key ON dbo.regulation (symbol_key);
CREATE INDEX ix_regulation_guides_id ON dbo.regulation (guides_id);
CREATE CLUSTERED INDEX ix_regulation_created_at ON dbo.regulation (created_at, id);
CREATE INDEX ix_regulation_type ON dbo.regulation (type, created_at, id);
CREATE INDEX ix_regulation_status ON dbo.regulation (status, created_at, id);

-- Folded words of symbol and title (no diacritics, đ as d): an exact or prefix search is an index range.
-- A binary collation makes the prefix range (term >= @From AND term < @To) exact, as it is on SQLite.
CREATE TABLE dbo.regulation_term (
    term nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    regulation_id uniqueidentifier NOT NULL CONSTRAINT fk_regulation_term_regulation REFERENCES dbo.regulation (id),
    CONSTRAINT pk_regulation_term PRIMARY KEY (term, regulation_id)
);
CREATE INDEX ix_regulation_term_regulation_id ON dbo.regulation_term (regulation_id);
