#include "interchange/layout.h"

#include <algorithm>
#include <array>
#include <span>
#include <string_view>

namespace gloss::interchange {

namespace {

// Columns left without a name (a name missing from a list below leaves the last ones empty).
template <std::size_t N> constexpr int unnamed(const std::array<std::string_view, N> &names)
{
    int count = 0;
    for (const std::string_view name : names)
        count += name.empty() ? 1 : 0;
    return count;
}

// Column names in the order of the enums in layout.h; HighlightColumn::Tags is named apart.
constexpr std::array<std::string_view, HighlightColumnCount> HighlightNames = {"article_id", "article_title",
    "published", "source", "highlight_id", "start", "end", "text", "", "note", "coder", "created", "modified"};
constexpr std::array<std::string_view, ArticleColumnCount> ArticleNames = {"article_id", "title", "published",
    "retrieved", "dateline", "source", "url", "words", "tags", "note", "highlights", "entities", "body"};
constexpr std::array<std::string_view, CodebookColumnCount> CodebookNames
    = {"tag", "parent", "color", "description", "highlights", "articles"};
constexpr std::array<std::string_view, EntityColumnCount> EntityNames
    = {"entity", "type", "aliases", "articles", "mentions", "first_published", "last_published"};
constexpr std::array<std::string_view, AgreementColumnCount> AgreementNames = {"tag", "level", "coders", "articles",
    "units", "alpha", "kappa", "percent", "disagreements", "overlap", "segments", "matched"};
constexpr std::array<std::string_view, DisagreementColumnCount> DisagreementNames
    = {"article_id", "article_title", "tag", "level", "start", "end", "text", "coded_by", "not_coded_by", "detail"};
constexpr std::array<std::string_view, MatrixColumnCount> MatrixNames
    = {"article_id", "article_title", "published", "source"};
static_assert(unnamed(HighlightNames) == 1 && HighlightNames[std::size_t(HighlightColumn::Tags)].empty()
        && unnamed(ArticleNames) == 0 && unnamed(CodebookNames) == 0 && unnamed(EntityNames) == 0
        && unnamed(AgreementNames) == 0 && unnamed(DisagreementNames) == 0 && unnamed(MatrixNames) == 0,
    "every column of a layout has a name");

struct LayoutName
{
    Layout layout;
    const char *name;
};

constexpr LayoutName Names[] = {
    {Layout::Highlights, "highlights"},
    {Layout::HighlightsWide, "highlights-wide"},
    {Layout::Articles, "articles"},
    {Layout::Codebook, "codebook"},
    {Layout::Entities, "entities"},
    {Layout::Agreement, "agreement"},
    {Layout::Disagreements, "disagreements"},
    {Layout::Matrix, "matrix"},
};

// Not a template over the array's size: GCC 12 -O2 then merges the copies and warns of bounds
// (-Warray-bounds) that no copy crosses.
QStringList namesOf(std::span<const std::string_view> names, std::size_t count)
{
    QStringList out;
    for (std::size_t i = 0; i < std::min(count, names.size()); ++i)
        out.append(QString::fromLatin1(names[i].data(), qsizetype(names[i].size())));
    return out;
}

template <std::size_t N> QStringList namesOf(const std::array<std::string_view, N> &names)
{
    return namesOf(std::span<const std::string_view>(names), N);
}

} // namespace

QStringList layoutNames()
{
    QStringList names;
    for (const LayoutName &l : Names)
        names.append(QString::fromLatin1(l.name));
    return names;
}

QString layoutName(Layout layout)
{
    for (const LayoutName &l : Names)
        if (l.layout == layout)
            return QString::fromLatin1(l.name);
    return {};
}

std::optional<Layout> layoutFromName(const QString &name)
{
    for (const LayoutName &l : Names)
        if (name == QLatin1String(l.name))
            return l.layout;
    return std::nullopt;
}

QStringList headerOf(Layout layout, bool withBody)
{
    switch (layout) {
    case Layout::Highlights:
    case Layout::HighlightsWide: {
        QStringList header = namesOf(HighlightNames);
        header[int(HighlightColumn::Tags)]
            = layout == Layout::Highlights ? QStringLiteral("tag") : QStringLiteral("tags");
        return header;
    }
    case Layout::Articles:
        return namesOf(std::span<const std::string_view>(ArticleNames), std::size_t(columnCount(layout, withBody)));
    case Layout::Codebook:
        return namesOf(CodebookNames);
    case Layout::Entities:
        return namesOf(EntityNames);
    case Layout::Agreement:
        return namesOf(AgreementNames);
    case Layout::Disagreements:
        return namesOf(DisagreementNames);
    case Layout::Matrix:
        return namesOf(MatrixNames);
    }
    return {};
}

int columnCount(Layout layout, bool withBody)
{
    switch (layout) {
    case Layout::Highlights:
    case Layout::HighlightsWide:
        return HighlightColumnCount;
    case Layout::Articles:
        return withBody ? ArticleColumnCount : ArticleColumnCount - 1;
    case Layout::Codebook:
        return CodebookColumnCount;
    case Layout::Entities:
        return EntityColumnCount;
    case Layout::Agreement:
        return AgreementColumnCount;
    case Layout::Disagreements:
        return DisagreementColumnCount;
    case Layout::Matrix:
        return MatrixColumnCount;
    }
    return 0;
}

} // namespace gloss::interchange
