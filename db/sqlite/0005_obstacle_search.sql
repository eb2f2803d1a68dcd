-- Obstacles' full-text index: folded title and description (no diacritics, đ as d), keyed by obstacle.seq.
-- Contentless: the text lives in obstacle; the index holds only what search needs.
CREATE VIRTUAL TABLE obstacle_search USING fts5 (
    text,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
);
