-- Obstacles' full-text index: folded title and description (no diacritics, đ as d), keyed by obstacle.seq.
-- Contentless: the text lives in obstacle; the index holds only what search needs. Prefix indexes for 1 to 4
-- letters: Vietnamese syllables are short, and without them a prefix such as "so*" merges hundreds of lists.
CREATE VIRTUAL TABLE obstacle_search USING fts5 (
    text,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '1 2 3 4'
);
