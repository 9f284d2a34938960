#include "import/reader.h"

#include "import/dateline.h"
#include "import/decoder.h"
#include "import/fields.h"
#include "import/newsdate.h"
#include "import/newsdb.h"
#include "import/reflow.h"

#include <QFileInfo>
#include <QJsonDocument>

namespace gloss::import {

namespace {

// Lines that are blank or only spaces.
bool isBlank(QStringView line)
{
    return line.trimmed().isEmpty();
}

// The body from line `first` on, without blank lines before or after.
QString joinBody(const QList<QStringView> &lines, qsizetype first)
{
    qsizetype last = lines.size();
    while (first < last && isBlank(lines.at(first)))
        ++first;
    while (last > first && isBlank(lines.at(last - 1)))
        --last;
    QString body;
    for (qsizetype i = first; i < last; ++i) {
        if (i > first)
            body.append(u'\n');
        body.append(lines.at(i));
    }
    return body;
}

// A line short enough to be a headline rather than a paragraph.
bool looksLikeTitle(QStringView line)
{
    const QStringView t = line.trimmed();
    return !t.isEmpty() && t.size() <= 200 && (t.size() <= 120 || !t.endsWith(u'.'));
}

// Gives each article its final shape: LF line ends, no surrounding blank lines, the dateline.
// Returns false (and says why) when nothing of a body is left.
bool finish(model::Article &article, QString &reason)
{
    article.body = normalizeLineEnds(article.body);
    const QList<QStringView> lines = QStringView(article.body).split(u'\n');
    article.body = joinBody(lines, 0);
    article.title = article.title.simplified();
    if (article.title.isNull())
        article.title = QStringLiteral(""); // the column is NOT NULL; a null QString binds NULL
    const QStringView trimmed = QStringView(article.body).trimmed(); // no copy of a long body
    if (trimmed.isEmpty()) {
        reason = QStringLiteral("no body");
        return false;
    }
    if (article.body.size() != trimmed.size()) {
        // Indentation before the first line is not part of the text.
        qsizetype lead = 0;
        while (lead < article.body.size() && article.body.at(lead).isSpace())
            ++lead;
        article.body.remove(0, lead);
    }
    // Hard-wrapped paragraphs joined; tables kept and listed for a fixed-width font.
    if (Reflowed r = reflowHardWrapped(article.body); r.joined > 0 || !r.fixedWidth.isEmpty()) {
        article.body = std::move(r.text);
        if (!r.fixedWidth.isEmpty())
            article.variables.append({QStringLiteral("fixed_width_lines"), r.fixedWidthText()});
    }
    const Dateline d = findDateline(article.body);
    article.dateline = d.place;
    article.datelineEnd = d.end;
    return true;
}

bool startsWithFrontMatter(const QString &text)
{
    return text.startsWith(u"---\n") && text.indexOf(u"\n---", 3) > 0;
}

} // namespace

QString formatName(Format format)
{
    switch (format) {
    case Format::NewsText:
        return QStringLiteral("news text");
    case Format::Html:
        return QStringLiteral("HTML");
    case Format::Json:
        return QStringLiteral("JSON");
    case Format::JsonLines:
        return QStringLiteral("JSON Lines");
    case Format::Csv:
        return QStringLiteral("CSV");
    case Format::Markdown:
        return QStringLiteral("Markdown");
    case Format::LexisNexis:
        return QStringLiteral("LexisNexis export");
    case Format::ProQuest:
        return QStringLiteral("ProQuest export");
    case Format::Factiva:
    case Format::FactivaHtml:
        return QStringLiteral("Factiva export");
    }
    return {};
}

Format detectFormat(const QString &fileName, const QString &text)
{
    const QString ext = QFileInfo(fileName).suffix().toLower();
    const QStringView head = QStringView(text).left(4096).trimmed();
    // What the content says first.
    if (head.startsWith(u"<!doctype html", Qt::CaseInsensitive) || head.startsWith(u"<html", Qt::CaseInsensitive)
        || (head.startsWith(u'<')
            && (head.contains(u"<body", Qt::CaseInsensitive) || head.contains(u"<p>", Qt::CaseInsensitive)
                || head.contains(u"<article", Qt::CaseInsensitive) || head.contains(u"<div", Qt::CaseInsensitive))))
        return looksLikeFactivaHtml(text) ? Format::FactivaHtml : Format::Html;
    if (startsWithFrontMatter(text))
        return Format::Markdown;
    if (head.startsWith(u'[') && ext != u"csv")
        return Format::Json;
    if (head.startsWith(u'{')) {
        // One object over several lines is a JSON file; one object per line is JSON Lines.
        if (ext == u"jsonl" || ext == u"ndjson")
            return Format::JsonLines;
        QJsonParseError error;
        QJsonDocument::fromJson(text.toUtf8(), &error);
        return error.error == QJsonParseError::NoError ? Format::Json : Format::JsonLines;
    }
    // A news database's export of many articles, whatever file its text came from.
    switch (detectNewsDatabase(text)) {
    case NewsDatabase::LexisNexis:
        return Format::LexisNexis;
    case NewsDatabase::ProQuest:
        return Format::ProQuest;
    case NewsDatabase::Factiva:
        return Format::Factiva;
    case NewsDatabase::None:
        break;
    }
    // Then the extension.
    if (ext == u"html" || ext == u"htm" || ext == u"xhtml")
        return looksLikeFactivaHtml(text) ? Format::FactivaHtml : Format::Html;
    if (ext == u"json")
        return Format::Json;
    if (ext == u"jsonl" || ext == u"ndjson")
        return Format::JsonLines;
    if (ext == u"csv")
        return Format::Csv;
    if (ext == u"md" || ext == u"markdown")
        return Format::Markdown;
    // A first line of comma-separated names of which one is a body: a CSV corpus without .csv.
    const QStringView firstLine = head.left(head.indexOf(u'\n') < 0 ? head.size() : head.indexOf(u'\n'));
    if (firstLine.count(u',') >= 1 && firstLine.size() < 400) {
        for (const QStringView name : firstLine.split(u',')) {
            QStringView n = name.trimmed();
            if (n.startsWith(u'"') && n.endsWith(u'"') && n.size() >= 2)
                n = n.mid(1, n.size() - 2);
            if (fieldFor(n) == Field::Body)
                return Format::Csv;
        }
    }
    return Format::NewsText;
}

ReadResult readArticles(Format format, const QString &text)
{
    ReadResult raw;
    switch (format) {
    case Format::NewsText:
        raw = readNewsText(text);
        break;
    case Format::Html:
        raw = readHtml(text);
        break;
    case Format::Json:
        raw = readJson(text);
        break;
    case Format::JsonLines:
        raw = readJsonLines(text);
        break;
    case Format::Csv:
        raw = readCsv(text);
        break;
    case Format::Markdown:
        raw = readMarkdown(text);
        break;
    case Format::LexisNexis:
        raw = readLexisNexisText(text);
        break;
    case Format::ProQuest:
        raw = readProQuestText(text);
        break;
    case Format::Factiva:
        raw = readFactivaText(text);
        break;
    case Format::FactivaHtml:
        raw = readFactivaHtml(text);
        break;
    }
    // Readers of one-article formats leave `path` empty; corpus readers put "line N" there so
    // that a record without a body is named. It is cleared here: path is set by the importer.
    ReadResult result;
    result.refused = std::move(raw.refused);
    result.warnings = std::move(raw.warnings);
    for (model::Article &article : raw.articles) {
        QString reason;
        const QString where = article.path;
        article.path.clear();
        if (finish(article, reason))
            result.articles.append(std::move(article));
        else
            result.refused.append({where, reason});
    }
    return result;
}

ReadResult readNewsText(const QString &text)
{
    ReadResult result;
    const QList<QStringView> lines = QStringView(text).split(u'\n');
    const qsizetype n = lines.size();
    // The next line from `i` on that is not blank; n when none.
    auto nextLine = [&](qsizetype i) {
        while (i < n && isBlank(lines.at(i)))
            ++i;
        return i;
    };
    model::Article article;
    qsizetype i = nextLine(0);
    NewsDate first = i < n ? parseNewsDate(lines.at(i)) : NewsDate{};
    NewsDate dateBeforeTitle;
    if (first.isValid()) {
        dateBeforeTitle = first;
        i = nextLine(i + 1);
    }
    const qsizetype titleLine = i;
    const qsizetype afterTitle = i < n ? nextLine(i + 1) : n;
    bool titled = i < n && looksLikeTitle(lines.at(i));
    // A short first paragraph that opens with a dateline is the body, unless a date follows it.
    if (titled && findDateline(lines.at(i).toString()).isValid()
        && (afterTitle >= n || !parseNewsDate(lines.at(afterTitle)).isValid()))
        titled = false;
    if (titled && afterTitle >= n) {
        // A headline and nothing else: a title without a body, refused as such.
        article.title = lines.at(i).trimmed().toString();
        i = n;
    } else if (titled) {
        article.title = lines.at(i).trimmed().toString();
        i = afterTitle;
        const NewsDate published = parseNewsDate(lines.at(i));
        if (published.isValid()) {
            article.published = published.date;
            article.retrieved = dateBeforeTitle.date; // invalid when there was none
            i = nextLine(i + 1);
        } else if (dateBeforeTitle.isValid()) {
            // A single date above the title: the layout has nothing else to say it was retrieved.
            article.published = dateBeforeTitle.date;
        }
    } else {
        i = titleLine;
        article.published = dateBeforeTitle.date;
    }
    // A byline on its own short line: "By Ayesha Rahim".
    if (i < n) {
        const QStringView line = lines.at(i).trimmed();
        if (line.startsWith(u"By ") && line.size() <= 60 && !line.endsWith(u'.') && i + 1 < n) {
            article.author = line.mid(3).trimmed().toString();
            i = nextLine(i + 1);
        }
    }
    article.body = joinBody(lines, i);
    result.articles.append(std::move(article));
    return result;
}

ReadResult readMarkdown(const QString &text)
{
    ReadResult result;
    model::Article article;
    QString body = text;
    if (startsWithFrontMatter(text)) {
        const qsizetype close = text.indexOf(u"\n---", 3);
        const QStringView matter = QStringView(text).mid(4, close - 4 + 1);
        qsizetype bodyStart = text.indexOf(u'\n', close + 1);
        body = bodyStart < 0 ? QString() : text.mid(bodyStart + 1);
        for (const QStringView line : matter.split(u'\n')) {
            const qsizetype colon = line.indexOf(u':');
            if (colon <= 0 || line.startsWith(u' ') || line.startsWith(u'#'))
                continue;
            QString value = line.mid(colon + 1).trimmed().toString();
            if (value.size() >= 2
                && ((value.startsWith(u'"') && value.endsWith(u'"'))
                    || (value.startsWith(u'\'') && value.endsWith(u'\'')))) {
                const QChar quote = value.at(0);
                value = value.mid(1, value.size() - 2);
                if (quote == u'"')
                    value.replace(QStringLiteral("\\\""), QStringLiteral("\""));
                else
                    value.replace(QStringLiteral("''"), QStringLiteral("'"));
            }
            const Field field = fieldFor(line.left(colon));
            const QString warning = field == Field::None ? addVariable(article, variableFor(line.left(colon)), value)
                                                         : setField(article, field, value);
            if (!warning.isEmpty())
                result.warnings.append({QStringLiteral("front matter"), warning});
        }
    }
    // Without a title in the front matter, a first "# Heading" is the title.
    if (article.title.isEmpty()) {
        const QString trimmed = body.trimmed();
        if (trimmed.startsWith(u"# ")) {
            const qsizetype end = trimmed.indexOf(u'\n');
            article.title = trimmed.mid(2, end < 0 ? -1 : end - 2).trimmed();
            body = end < 0 ? QString() : trimmed.mid(end + 1);
        }
    }
    article.body = body;
    result.articles.append(std::move(article));
    return result;
}

} // namespace gloss::import
