-- Regulations: the legal documents obstacles are tied to, and the search index over them.
CREATE TABLE regulation (
    id TEXT NOT NULL PRIMARY KEY,
    symbol TEXT NOT NULL,
    symbol_key TEXT NOT NULL,
    type TEXT NOT NULL,
    title TEXT NOT NULL,
    issuer TEXT NOT NULL,
    issued_on TEXT NOT NULL,
    effective_on TEXT NULL,
    status TEXT NOT NULL,
    guides_id TEXT NULL REFERENCES regulation (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL
);
-- One document per symbol, whatever the case or diacritics it was typed with.
CREATE UNIQUE INDEX ux_regulation_symbol_key ON regulation (symbol_key);
CREATE INDEX ix_regulation_guides_id ON regulation (guides_id);
CREATE INDEX ix_regulation_created_at ON regulation (created_at, id);
CREATE INDEX ix_regulation_type ON regulation (type, created_at, id);
CREATE INDEX ix_regulation_status ON regulation (status, created_at, id);

-- Folded words of symbol and title (no diacritics, đ as d): an exact or prefix search is an index range.
CREATE TABLE regulation_term (
    term TEXT NOT NULL,
    regulation_id TEXT NOT NULL REFERENCES regulation (id),
    PRIMARY KEY (term, regulation_id)
) WITHOUT ROWID;
CREATE INDEX ix_regulation_term_regulation_id ON regulation_term (regulation_id);
