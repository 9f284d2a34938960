#pragma once

#include <QStringList>

#include <optional>

namespace gloss::interchange {

// The CSV layouts of `gloss export` (README, "Export"). Their header rows are fixed. The last two
// are the intercoder agreement report (README, "Intercoder agreement").
enum class Layout { Highlights, HighlightsWide, Articles, Codebook, Entities, Agreement, Disagreements, Matrix };

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

// The agreement report: one row per tag, then the row of all tags pooled (its tag empty).
enum class AgreementColumn {
    Tag,
    Level,
    Coders,
    Articles,
    Units,
    Alpha,
    Kappa,
    Percent,
    Disagreements,
    Overlap,
    Segments,
    Matched,
};
inline constexpr int AgreementColumnCount = int(AgreementColumn::Matched) + 1;

// One row per disagreement: the article, the tag, the passage and who coded what.
enum class DisagreementColumn { ArticleId, ArticleTitle, Tag, Level, Start, End, Text, CodedBy, NotCodedBy, Detail };
inline constexpr int DisagreementColumnCount = int(DisagreementColumn::Detail) + 1;

// The code x article matrix: one row per article, these columns, then one column per tag of the
// codebook (its path), in codebook order, holding how many highlights of the tag the article has
// (an article tag counts as one).
enum class MatrixColumn { ArticleId, ArticleTitle, Published, Source };
inline constexpr int MatrixColumnCount = int(MatrixColumn::Source) + 1;

// "highlights", "highlights-wide", "articles", "codebook", "entities", "agreement", "disagreements", "matrix"
QStringList layoutNames();
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
