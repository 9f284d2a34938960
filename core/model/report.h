#pragma once

#include "model/exportrows.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace gloss::model {

// What a report covers (README, "Reports"): the articles of a scope (the filters of
// `gloss articles`), the highlights of some tags (none: every tag) and of some coders (none: all).
struct ReportScope
{
    ExportScope articles;
    QList<qint64> tagIds;
    QStringList coders;
};

// One retrieved passage: a highlight with one of its tags, where it is and what surrounds it.
struct Passage
{
    qint64 tagId = 0;
    qint64 highlightId = 0;
    qint64 articleId = 0;
    qint64 start = 0; // code points into the body
    qint64 end = 0;
    QString text;
    QString before; // a few words of the body either side of the passage
    QString after;
    QString title;
    QString published; // ISO date, or empty
    QString source;
    QString coder;
    QString note;
};

enum class PassageOrder { Tag, Published, Title, Source, Coder };
std::optional<PassageOrder> passageOrderFromName(const QString &name);

// What a frequency report counts by: a period of the publication date, or a property of the article.
enum class FrequencyUnit { Day, Week, Month, Quarter, Year, Source, Set, Variable };

struct FrequencyBy
{
    FrequencyUnit unit = FrequencyUnit::Month;
    QString variable; // the article variable's name, for Variable
};
// "day", "week", "month", "quarter", "year", "source", "set", "var:NAME"; nullopt for anything else.
std::optional<FrequencyBy> frequencyByFromName(const QString &name);
QString frequencyByName(const FrequencyBy &by);

// One bucket (a period "2018-06", "2018-W23", "2018-Q2", a source, a set's name, a variable's value;
// empty for articles without one) and one tag: highlights of the tag in the bucket's articles, and
// articles holding the tag (on a highlight, or as an article tag).
struct FrequencyCell
{
    QString bucket;
    qint64 tagId = 0;
    qint64 highlights = 0;
    qint64 articles = 0;
};

struct FrequencyReport
{
    FrequencyBy by;
    QList<qint64> tagIds; // the tags reported, in codebook order
    QStringList buckets; // every bucket with an article of the scope, in order (periods by date)
    QList<qint64> bucketArticles; // the articles of each bucket, for shares
    QList<FrequencyCell> cells; // only cells with a count, by bucket then tag
};

// Co-occurrence of two tags (tagA < tagB by id). By highlight: pairs of a highlight of A and a
// highlight of B in the same article whose spans overlap (a highlight coded with both is such a
// pair). By article: articles holding both.
enum class CooccurrenceUnit { Highlight, Article };

struct CooccurrenceCell
{
    qint64 tagA = 0;
    qint64 tagB = 0;
    qint64 count = 0;
};

// An entity mentioned inside highlights of a tag (the mention wholly within the passage).
struct EntityTagCell
{
    qint64 entityId = 0;
    QString entity;
    QString type;
    qint64 tagId = 0;
    qint64 highlights = 0; // passages of the tag mentioning the entity
    qint64 articles = 0; // articles with such a passage
};

struct CooccurrenceReport
{
    CooccurrenceUnit unit = CooccurrenceUnit::Highlight;
    QList<qint64> tagIds; // codebook order
    QList<qint64> totals; // per tag: its highlights (unit highlight) or articles (unit article)
    QList<CooccurrenceCell> cells; // only pairs with a count
    QList<EntityTagCell> entities; // when asked for: by passages, most first
};

// One row of the code x article matrix: an article and how many highlights of each tag it holds
// (an article tag counts as one). Valid only during the callback.
struct MatrixRow
{
    qint64 articleId = 0;
    QByteArrayView title, published, source;
    QByteArrayView counts; // "tagId:count,tagId:count"
};

} // namespace gloss::model
