#pragma once

#include <QStringList>

#include <optional>

namespace gloss::interchange {

// The five CSV layouts of `gloss export` (README, "Export"). Their header rows are fixed.
enum class Layout { Highlights, HighlightsWide, Articles, Codebook, Entities };

// The columns of each layout, in file order: the one definition the header, the exporter's write
// order and the annotation importer's reading all follow. A column added here fails the build
// (an unhandled switch case) until the exporter writes it.

// The two highlight layouts. `Tags` is `tag` (one row per tag) in `highlights` and `tags` (the
// highlight's tag paths joined by "; ") in `highlights-wide`.
enum class HighlightColumn {
    ArticleId,
    ArticleTitle,
    Published,
    Source,
    HighlightId,
    Start,
    End,
    Text,
    Tags,
    Note,
    Coder,
    Created,
    Modified,
};
inline constexpr int HighlightColumnCount = int(HighlightColumn::Modified) + 1;

// `Body` is written only when asked for (--with-body); it stays the last column.
enum class ArticleColumn {
    Id,
    Title,
    Published,
    Retrieved,
    Dateline,
    Source,
    Url,
    Words,
    Tags,
    Note,
    Highlights,
    Entities,
    Body,
};
inline constexpr int ArticleColumnCount = int(ArticleColumn::Body) + 1;

enum class CodebookColumn { Tag, Parent, Color, Description, Highlights, Articles };
inline constexpr int CodebookColumnCount = int(CodebookColumn::Articles) + 1;

enum class EntityColumn { Entity, Type, Aliases, Articles, Mentions, FirstPublished, LastPublished };
inline constexpr int EntityColumnCount = int(EntityColumn::LastPublished) + 1;

QStringList layoutNames(); // "highlights", "highlights-wide", "articles", "codebook", "entities"
QString layoutName(Layout layout);
std::optional<Layout> layoutFromName(const QString &name);
// The articles layout names the column of article variable NAME "var_NAME"; the columns come
// after `entities` and before `body`, sorted by name. Importing such a file reads them back as
// variables.
inline const QString VariablePrefix = QStringLiteral("var_");

// The header row; `withBody` adds `body` to the articles layout.
QStringList headerOf(Layout layout, bool withBody = false);
// How many columns a row of the layout has.
int columnCount(Layout layout, bool withBody = false);

} // namespace gloss::interchange
