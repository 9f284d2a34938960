#include "storage/sqlite/migrations.h"

namespace gloss::storage::sqlite {

namespace {

// Version 1: articles with their full-text index, the codebook, highlights and notes, sets.
// Offsets (start, end) are code points into articles.body, so SQL's substr() agrees with them.
// Gloss keeps the FTS index itself, in the same transaction as the article: the project file has
// no triggers (a file that does is refused, see Database::open).
const char *const Schema1 = R"sql(
CREATE TABLE meta(
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE articles(
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL DEFAULT '',
  published TEXT,
  retrieved TEXT,
  dateline TEXT NOT NULL DEFAULT '',
  dateline_end INTEGER NOT NULL DEFAULT 0,
  source TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL DEFAULT '',
  author TEXT NOT NULL DEFAULT '',
  path TEXT NOT NULL DEFAULT '',
  content_hash TEXT NOT NULL,
  words INTEGER NOT NULL DEFAULT 0,
  imported TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE UNIQUE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_published ON articles(published);
-- The article list's orders: undated articles last, then by title or source; each index lets a
-- page of the list be read without sorting the whole project.
CREATE INDEX articles_published_order ON articles(published IS NULL, published);
CREATE INDEX articles_title_order ON articles(title COLLATE NOCASE);
CREATE INDEX articles_source_order ON articles(source COLLATE NOCASE);

CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, body, content='articles', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2');

CREATE TABLE tags(
  id INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES tags(id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK(length(name) > 0),
  color TEXT NOT NULL DEFAULT '#f5c542',
  description TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL DEFAULT 0,
  created TEXT NOT NULL
);
CREATE UNIQUE INDEX tags_parent_name ON tags(ifnull(parent_id, 0), name);

CREATE TABLE highlights(
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  start INTEGER NOT NULL CHECK(start >= 0),
  end INTEGER NOT NULL CHECK(end > start),
  quote TEXT NOT NULL,
  prefix TEXT NOT NULL DEFAULT '',
  suffix TEXT NOT NULL DEFAULT '',
  coder TEXT NOT NULL DEFAULT '',
  created TEXT NOT NULL,
  modified TEXT NOT NULL
);
CREATE INDEX highlights_article ON highlights(article_id, start);

CREATE TABLE highlight_tags(
  highlight_id INTEGER NOT NULL REFERENCES highlights(id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  position INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(highlight_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX highlight_tags_tag ON highlight_tags(tag_id);

CREATE TABLE article_tags(
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY(article_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX article_tags_tag ON article_tags(tag_id);

CREATE TABLE notes(
  id INTEGER PRIMARY KEY,
  article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,
  highlight_id INTEGER REFERENCES highlights(id) ON DELETE CASCADE,
  body TEXT NOT NULL,
  modified TEXT NOT NULL,
  CHECK((article_id IS NULL) <> (highlight_id IS NULL))
);
CREATE UNIQUE INDEX notes_article ON notes(article_id) WHERE article_id IS NOT NULL;
CREATE UNIQUE INDEX notes_highlight ON notes(highlight_id) WHERE highlight_id IS NOT NULL;

CREATE TABLE sets(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK(length(name) > 0),
  created TEXT NOT NULL
);
CREATE TABLE set_articles(
  set_id INTEGER NOT NULL REFERENCES sets(id) ON DELETE CASCADE,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  PRIMARY KEY(set_id, article_id)
) WITHOUT ROWID;
CREATE INDEX set_articles_article ON set_articles(article_id);
)sql";

// Version 2: entities and their mentions, time references, and the researcher's decisions about
// both, kept apart from what extraction found so that they survive re-extraction.
const char *const Schema2 = R"sql(
CREATE TABLE entities(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL CHECK(length(name) > 0),
  type TEXT NOT NULL CHECK(type IN ('person','organization','place','other')),
  confirmed INTEGER NOT NULL DEFAULT 0,
  created TEXT NOT NULL
);
CREATE INDEX entities_name ON entities(name);
CREATE INDEX entities_confirmed ON entities(confirmed) WHERE confirmed = 1;

-- Every name an entity goes by, its own included, by nameKey() (case, diacritics and dots folded).
-- manual = 1 for names the researcher gave (a merge, an alias, a split, a mark): they win over
-- what extraction would resolve.
CREATE TABLE entity_aliases(
  alias_key TEXT PRIMARY KEY,
  entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  alias TEXT NOT NULL,
  manual INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX entity_aliases_entity ON entity_aliases(entity_id);
CREATE INDEX entity_aliases_manual ON entity_aliases(manual) WHERE manual = 1;

-- Names the researcher said are not entities: never suggested again.
CREATE TABLE rejected_names(
  name_key TEXT PRIMARY KEY,
  name TEXT NOT NULL
) WITHOUT ROWID;

-- Offsets are code points into articles.body. manual = 1 for spans the researcher marked; those
-- survive re-extraction, which replaces only the others.
CREATE TABLE mentions(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  start INTEGER NOT NULL CHECK(start >= 0),
  end INTEGER NOT NULL CHECK(end > start),
  text TEXT NOT NULL,
  manual INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX mentions_article ON mentions(article_id, start);
CREATE INDEX mentions_entity ON mentions(entity_id, article_id);

CREATE TABLE timerefs(
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  start INTEGER NOT NULL CHECK(start >= 0),
  end INTEGER NOT NULL CHECK(end > start),
  text TEXT NOT NULL,
  value TEXT NOT NULL,
  granularity TEXT NOT NULL,
  anchor TEXT,
  anchor_kind TEXT CHECK(anchor_kind IN ('published','retrieved')),
  range_start TEXT,
  range_end TEXT
);
CREATE INDEX timerefs_article ON timerefs(article_id, start);
CREATE INDEX timerefs_range ON timerefs(range_start);

CREATE TABLE timeref_overrides(
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  value TEXT,
  granularity TEXT,
  range_start TEXT,
  range_end TEXT,
  dismissed INTEGER NOT NULL DEFAULT 0,
  modified TEXT NOT NULL,
  PRIMARY KEY(article_id, start, end)
) WITHOUT ROWID;
)sql";

// Version 3: no index on timerefs(range_start). The timeline's query over a range of dates
// compares an override's range or the extracted one (a CASE), which no index serves (EXPLAIN QUERY
// PLAN: a scan either way), and the index took 2.5% of a project file.
const char *const Schema3 = R"sql(
DROP INDEX timerefs_range;
)sql";

// Version 4: article variables (QDA tools' document variables): the metadata a source gives beyond
// the fixed columns of articles (section, language, a CSV's extra columns), one row per name.
// `position` keeps the source's order. The second index serves "articles whose section is X".
const char *const Schema4 = R"sql(
CREATE TABLE article_variables(
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK(length(name) > 0),
  value TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(article_id, name)
) WITHOUT ROWID;
CREATE INDEX article_variables_name ON article_variables(name, value);
)sql";

// Version 5: coders (README, "Coders and team work"). An article tag, an article note and a date
// decision record who made them: two coders may each apply the same tag to an article or keep
// their own note on it. done_marks holds each coder's "done" mark on an article. Coding from before
// has the coder "" (no one named), as highlights had.
const char *const Schema5 = R"sql(
CREATE TABLE article_tags_5(
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  coder TEXT NOT NULL DEFAULT '',
  PRIMARY KEY(article_id, tag_id, coder)
) WITHOUT ROWID;
INSERT INTO article_tags_5(article_id, tag_id) SELECT article_id, tag_id FROM article_tags;
DROP TABLE article_tags;
ALTER TABLE article_tags_5 RENAME TO article_tags;
CREATE INDEX article_tags_tag ON article_tags(tag_id);

ALTER TABLE notes ADD COLUMN coder TEXT NOT NULL DEFAULT '';
DROP INDEX notes_article;
CREATE UNIQUE INDEX notes_article ON notes(article_id, coder) WHERE article_id IS NOT NULL;

ALTER TABLE timeref_overrides ADD COLUMN coder TEXT NOT NULL DEFAULT '';

CREATE TABLE done_marks(
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  coder TEXT NOT NULL,
  marked_at TEXT NOT NULL,
  PRIMARY KEY(article_id, coder)
) WITHOUT ROWID;
CREATE INDEX done_marks_coder ON done_marks(coder, article_id);
)sql";

// Version 6: entity decisions record their coder. entities.decided_by names who made the last
// decision about an entity (confirmed, renamed, retyped, merged, a name added or split off, a span
// marked), rejected_names.coder who said a name is not an entity. Decisions from before have "".
const char *const Schema6 = R"sql(
ALTER TABLE entities ADD COLUMN decided_by TEXT NOT NULL DEFAULT '';
ALTER TABLE rejected_names ADD COLUMN coder TEXT NOT NULL DEFAULT '';
)sql";

} // namespace

const QList<Migration> &migrations()
{
    static const QList<Migration> steps = {
        {1, Schema1},
        {2, Schema2},
        {3, Schema3},
        {4, Schema4},
        {5, Schema5},
        {6, Schema6},
    };
    return steps;
}

} // namespace gloss::storage::sqlite
