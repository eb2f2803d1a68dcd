-- Obstacles: searching by provision alone ("dieu 5") reads the citations of that article, newest first.
CREATE INDEX ix_obstacle_regulation_article_seq ON obstacle_regulation (article, obstacle_seq);
