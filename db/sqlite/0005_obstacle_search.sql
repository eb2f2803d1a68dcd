-- Obstacles' full-text index: folded title and description (no diacritics, đ as d), keyed by obstacle.seq.
-- Contentless: the text lives in obstacle; the index holds only what search needs. Prefix indexes for 2 and 3
-- letters: Vietnamese syllables are short, and without them a prefix such as "so*" merges hundreds of lists.
-- Each prefix length costs every intake as much again as the words themselves, so no more than these two;
-- a one-letter last word is not searched as a prefix at all (see VietnameseText.SearchTerms).
CREATE VIRTUAL TABLE obstacle_search USING fts5 (
    text,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '2 3'
);

-- Segment merges happen in the background (ObstacleSearchMaintenance), not inside the intake that happens
-- to trigger one: those merges were the slowest intakes.
INSERT INTO obstacle_search (obstacle_search, rank) VALUES ('automerge', 0);
