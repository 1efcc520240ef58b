-- Relevance reads each search word's posts heaviest first (search/SearchIndex.topByRelevance, a
-- threshold walk): this index hands them out in that order, read backwards, ties by post id, so
-- ranking a word in nearly every post reads a few hundred rows of it instead of all of them.
create index ix_post_word_weight on post_word (word, weight, post_id);

-- Related posts (graph/GraphService.related) take a category's other posts in slug order and only
-- as many as the list can hold: with this index that is a short range read, not a sort of every
-- post in the category (5,000 at 100,000 posts with 20 categories).
create index ix_post_category_slug on post (category_id, slug);
-- ix_post_category stays: H2 holds it for the foreign key.
