// The readers of news-database exports: LexisNexis, ProQuest and Factiva. Each splits the text of
// an export into articles on lines (a TXT export, or the text a DOCX, RTF or PDF reader gives),
// reads the metadata each database prints around an article, and keeps its boilerplate out of the
// body.
#include "import/newsdb.h"

#include "import/decoder.h"
#include "import/htmlentities.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace gloss::import {

namespace {

using Lines = QList<QStringView>;

bool isBlank(QStringView line)
{
    return line.trimmed().isEmpty();
}

// "Publication-Type" -> "publication_type"; "ProQuest document ID" -> "proquest_document_id".
QString variableName(QStringView label)
{
    QString name;
    for (const QChar c : label.trimmed()) {
        if (c.isLetterOrNumber())
            name.append(c.toLower());
        else if (!name.isEmpty() && !name.endsWith(u'_'))
            name.append(u'_');
    }
    while (name.endsWith(u'_'))
        name.chop(1);
    return name;
}

// Sets a variable; a name given twice (two SUBJECT lines) keeps both values, joined by "; ".
void setVariable(model::Article &article, const QString &name, const QString &value)
{
    const QString v = value.simplified();
    if (name.isEmpty() || v.isEmpty())
        return;
    for (QPair<QString, QString> &pair : article.variables) {
        if (pair.first == name) {
            if (pair.second != v)
                pair.second += QStringLiteral("; ") + v;
            return;
        }
    }
    article.variables.append({name, v});
}

bool isCopyrightLine(QStringView line)
{
    const QStringView t = line.trimmed();
    return t.startsWith(u"Copyright", Qt::CaseInsensitive) || t.startsWith(u'\u00a9')
        || t.startsWith(u"(c) ", Qt::CaseInsensitive) || t.startsWith(u"(C)");
}

// Running heads of an export printed to pages: "Page 3 of 250", "Seite 3 von 250".
bool isPageLine(QStringView line)
{
    static const QRegularExpression page(
        QStringLiteral("^(?:Page|Seite|P\u00e1gina)\\s+\\d+\\s+(?:of|von|de|sur)\\s+\\d+$"),
        QRegularExpression::CaseInsensitiveOption);
    const QStringView t = line.trimmed();
    return !t.isEmpty() && t.size() < 40 && page.match(t).hasMatch();
}

// The body: lines [from, to) without page heads, blank lines at either end or copyright lines at
// the end (those go to the "copyright" variable).
QString bodyOf(const Lines &lines, qsizetype from, qsizetype to, model::Article &article)
{
    while (from < to && isBlank(lines.at(from)))
        ++from;
    while (to > from && (isBlank(lines.at(to - 1)) || isCopyrightLine(lines.at(to - 1)))) {
        if (!isBlank(lines.at(to - 1)))
            setVariable(article, QStringLiteral("copyright"), lines.at(to - 1).toString());
        --to;
    }
    QString body;
    for (qsizetype i = from; i < to; ++i) {
        if (isPageLine(lines.at(i)))
            continue;
        // The title printed as a running head beside the page number.
        const bool besidePage
            = (i > from && isPageLine(lines.at(i - 1))) || (i + 1 < to && isPageLine(lines.at(i + 1)));
        if (besidePage && !article.title.isEmpty() && lines.at(i).trimmed() == article.title)
            continue;
        if (!body.isEmpty())
            body.append(u'\n');
        body.append(lines.at(i));
    }
    return body;
}

QString where(int document, qsizetype line)
{
    return QStringLiteral("document %1 (line %2)").arg(document).arg(line + 1);
}

// --- Dates -----------------------------------------------------------------------------------

const QHash<QString, int> &monthNames()
{
    static const QHash<QString, int> table = [] {
        QHash<QString, int> t;
        const char *const names[12][16] = {
            {"january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", nullptr},
            {"february", "feb", "februar", "février", "fevrier", "févr", "fevr", "fév", "febrero", nullptr},
            {"march", "mar", "märz", "maerz", "marz", "mär", "mars", "marzo", nullptr},
            {"april", "apr", "avril", "avr", "abril", "abr", nullptr},
            {"may", "mai", "mayo", nullptr},
            {"june", "jun", "juni", "juin", "junio", nullptr},
            {"july", "jul", "juli", "juillet", "juil", "julio", nullptr},
            {"august", "aug", "août", "aout", "agosto", "ago", nullptr},
            {"september", "sep", "sept", "septembre", "septiembre", "setiembre", "set", nullptr},
            {"october", "oct", "oktober", "okt", "octobre", "octubre", nullptr},
            {"november", "nov", "novembre", "noviembre", nullptr},
            {"december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", nullptr},
        };
        for (int m = 0; m < 12; ++m)
            for (int k = 0; names[m][k]; ++k)
                t.insert(QString::fromUtf8(names[m][k]), m + 1);
        return t;
    }();
    return table;
}

// Words a date line may hold beside the date: weekdays, fillers, times and zones.
bool isDateFiller(const QString &word)
{
    static const QSet<QString> words = [] {
        QSet<QString> s;
        for (const char *w : {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon",
                 "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "montag", "dienstag", "mittwoch",
                 "donnerstag", "freitag", "samstag", "sonnabend", "sonntag", "lundi", "mardi", "mercredi", "jeudi",
                 "vendredi", "samedi", "dimanche", "lunes", "martes", "miércoles", "miercoles", "jueves", "viernes",
                 "sábado", "sabado", "domingo", "de", "del", "le", "the", "of", "at", "um", "à", "a", "las", "uhr", "h",
                 "am", "pm", "a.m", "p.m", "gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst",
                 "cet", "cest", "mez", "mesz", "ist", "jst", "aest", "aedt", "z"})
            s.insert(QString::fromUtf8(w));
        return s;
    }();
    return words.contains(word);
}

} // namespace

QDate parseDatabaseDate(QStringView input)
{
    const QStringView text = input.trimmed();
    if (text.size() < 6 || text.size() > 80)
        return {};
    static const QRegularExpression iso(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})(?:[T ].*)?$"));
    if (const auto m = iso.match(text); m.hasMatch())
        return QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    static const QRegularExpression dotted(QStringLiteral("^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?:\\s.*)?$"));
    if (const auto m = dotted.match(text); m.hasMatch())
        return QDate(m.captured(3).toInt(), m.captured(2).toInt(), m.captured(1).toInt());
    static const QRegularExpression separators(QStringLiteral("[\\s,;/|()]+"));
    static const QRegularExpression time(QStringLiteral("^\\d{1,2}[:.h]\\d{2}(?::\\d{2})?(?:am|pm|h)?$"));
    static const QRegularExpression zone(
        QStringLiteral("^(?:[+-]\\d{2}:?\\d{2}|(?:gmt|utc)[+-]\\d{1,2}(?::?\\d{2})?)$"));
    int day = 0;
    int month = 0;
    int year = 0;
    for (QString word : text.toString().toLower().split(separators, Qt::SkipEmptyParts)) {
        while (word.endsWith(u'.') || word.endsWith(u'-') || word.endsWith(u':'))
            word.chop(1);
        if (word.isEmpty() || word == u"-" || word == u"\u2013")
            continue;
        bool number = false;
        const int value = word.toInt(&number);
        if (number && word.size() == 4 && value >= 1800 && value <= 2100 && year == 0) {
            year = value;
        } else if (number && word.size() <= 2 && value >= 1 && value <= 31 && day == 0) {
            day = value;
        } else if (const int m = monthNames().value(word, 0); m != 0 && month == 0) {
            month = m;
        } else if (word.endsWith(u"st") || word.endsWith(u"nd") || word.endsWith(u"rd") || word.endsWith(u"th")) {
            const int d = word.chopped(2).toInt(&number);
            if (!number || d < 1 || d > 31 || day != 0)
                return {};
            day = d;
        } else if (!isDateFiller(word) && !time.match(word).hasMatch() && !zone.match(word).hasMatch()) {
            return {};
        }
    }
    if (day == 0 || month == 0 || year == 0)
        return {};
    return QDate(year, month, day);
}

namespace {

// --- LexisNexis ------------------------------------------------------------------------------

enum class LexisField { Other, Title, Author, Url, Body, Source };

struct LexisLabel
{
    LexisField field = LexisField::Other;
    QString name; // the variable's name for Other
    bool afterBody = false; // a field printed after the body: it ends the body
};

// The labels LexisNexis prints, in its four commonest interface languages.
const QHash<QString, LexisLabel> &lexisLabels()
{
    static const QHash<QString, LexisLabel> table = [] {
        QHash<QString, LexisLabel> t;
        const auto add
            = [&t](std::initializer_list<const char *> names, LexisField field, const char *name, bool after) {
                  for (const char *n : names)
                      t.insert(QString::fromUtf8(n), {field, QString::fromLatin1(name), after});
              };
        add({"headline", "title", "titel", "titre", "título", "titulo", "titular"}, LexisField::Title, "", false);
        add({"byline", "author", "autor", "auteur", "firma", "von"}, LexisField::Author, "", false);
        add({"section", "rubrik", "rubrique", "sección", "seccion"}, LexisField::Other, "section", false);
        add({"length", "länge", "laenge", "longueur", "longitud"}, LexisField::Other, "length", false);
        add({"dateline", "ortszeile"}, LexisField::Other, "dateline", false);
        add({"highlight", "höhepunkt", "highlights", "résumé", "resumen"}, LexisField::Other, "highlight", false);
        add({"edition", "ausgabe", "édition", "edición"}, LexisField::Other, "edition", false);
        add({"source", "quelle"}, LexisField::Source, "", false);
        add({"body", "text", "corps", "texto", "cuerpo"}, LexisField::Body, "", false);
        add({"load-date", "load date", "ladedatum", "date de chargement", "fecha de carga"}, LexisField::Other,
            "load_date", true);
        add({"language", "sprache", "langue", "idioma"}, LexisField::Other, "language", true);
        add({"url"}, LexisField::Url, "", true);
        add({"graphic", "grafik", "graphique", "gráfico"}, LexisField::Other, "graphic", true);
        add({"publication-type", "publication type", "publikationstyp", "dokumenttyp", "type de publication",
                "tipo de publicación"},
            LexisField::Other, "publication_type", true);
        add({"document-type", "document type"}, LexisField::Other, "document_type", true);
        add({"subject", "thema", "sujet", "materia", "tema"}, LexisField::Other, "subjects", true);
        add({"geographic", "geografisch", "géographique", "geográfico"}, LexisField::Other, "places", true);
        add({"organization", "company", "person", "industry", "ticker", "city", "state", "country", "journal-code",
                "correction-date", "notes", "series", "type", "keywords", "descripteurs", "personen",
                "firma/organisation", "unternehmen", "branche", "land"},
            LexisField::Other, "", true);
        add({"copyright"}, LexisField::Other, "copyright", true);
        return t;
    }();
    return table;
}

// "LABEL: value" with a label LexisNexis prints; the label in `label`, the value in `value`.
bool lexisFieldLine(QStringView line, LexisLabel &label, QString &value, QString &labelText)
{
    const QStringView t = line.trimmed();
    const qsizetype colon = t.indexOf(u':');
    if (colon < 2 || colon > 32)
        return false;
    const QString key = t.left(colon).trimmed().toString().toLower();
    const auto it = lexisLabels().constFind(key);
    if (it == lexisLabels().constEnd())
        return false;
    label = *it;
    labelText = t.left(colon).trimmed().toString();
    value = t.mid(colon + 1).trimmed().toString();
    return true;
}

// The line heading the body of a Nexis Uni article, and those heading what follows it.
bool isBodyHeading(QStringView line)
{
    const QStringView t = line.trimmed();
    return t == u"Body" || t == u"Text" || t == u"Corps" || t == u"Texto" || t == u"Cuerpo";
}

bool isAfterBodyHeading(QStringView line)
{
    const QStringView t = line.trimmed();
    return t == u"Classification" || t == u"Klassifikation" || t == u"Classement" || t == u"Clasificación"
        || t == u"Graphic" || t == u"Notes";
}

const QRegularExpression &lexisStart()
{
    static const QRegularExpression p(
        QStringLiteral("^\\s*(\\d+)\\s+(?:of|von|de|sur|di)\\s+(\\d+)\\s+(?:DOCUMENTS?|DOKUMENTE?N?|DOCUMENTOS?)\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    return p;
}

bool isLexisEnd(QStringView line)
{
    const QStringView t = line.trimmed();
    return t.size() < 24
        && (t.compare(u"End of Document", Qt::CaseInsensitive) == 0
            || t.compare(u"Ende des Dokuments", Qt::CaseInsensitive) == 0
            || t.compare(u"Fin du document", Qt::CaseInsensitive) == 0
            || t.compare(u"Fin del documento", Qt::CaseInsensitive) == 0);
}

bool isEditionLine(QStringView line)
{
    static const QRegularExpression p(QStringLiteral("\\b(?:edition|ausgabe|\u00e9dition|edici\u00f3n|final)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    return line.trimmed().size() <= 60 && p.match(line).hasMatch();
}

// A date line of a header, with a weekday, time or edition after the date: "March 5, 2020 Thursday
// 10:00 AM GMT", "5. März 2020 Donnerstag".
QDate headerDate(QStringView line)
{
    const QStringView t = line.trimmed();
    if (const QDate d = parseDatabaseDate(t); d.isValid())
        return d;
    // "March 5, 2020 Thursday Late Edition": the date and what follows it on the line.
    static const QRegularExpression year(QStringLiteral("\\b(1[89]\\d\\d|20\\d\\d)\\b"));
    const auto m = year.match(t);
    if (m.hasMatch() && m.capturedStart() < 40) {
        const QDate d = parseDatabaseDate(t.left(m.capturedEnd()));
        if (d.isValid())
            return d;
    }
    return {};
}

// One article of a LexisNexis export: lines [from, to). `classic`: the "N of M DOCUMENTS" layout
// (source, date, title) rather than Nexis Uni's (title, source, date).
bool readLexisArticle(
    const Lines &lines, qsizetype from, qsizetype to, bool classic, model::Article &article, QString &reason)
{
    for (qsizetype i = from; i < to; ++i)
        if (lines.at(i).contains(u"there is an error in this document")) {
            reason = QStringLiteral("LexisNexis could not give this document (its text says so)");
            return false;
        }
    // The header: lines before the first field or the body heading.
    qsizetype i = from;
    QList<QStringView> header;
    LexisLabel label;
    QString value;
    QString labelText;
    while (i < to && !isBodyHeading(lines.at(i)) && !lexisFieldLine(lines.at(i), label, value, labelText)) {
        if (!isBlank(lines.at(i)) && !isPageLine(lines.at(i)))
            header.append(lines.at(i).trimmed());
        ++i;
    }
    // Classic: the source, the date (and edition), the title. Nexis Uni: the title, the source, the
    // date, the copyright line.
    qsizetype dateAt = -1;
    for (qsizetype h = 0; h < header.size() && dateAt < 0; ++h)
        if (const QDate d = headerDate(header.at(h)); d.isValid()) {
            article.published = d;
            dateAt = h;
        }
    QStringList title;
    QStringList source;
    for (qsizetype h = 0; h < header.size(); ++h) {
        const QStringView line = header.at(h);
        if (h == dateAt)
            continue;
        if (isCopyrightLine(line)) {
            setVariable(article, QStringLiteral("copyright"), line.toString());
        } else if (dateAt >= 0 && h == dateAt + 1 && isEditionLine(line)) {
            setVariable(article, QStringLiteral("edition"), line.toString());
        } else if (classic) {
            if (dateAt < 0 ? h == 0 : h < dateAt)
                source.append(line.toString());
            else
                title.append(line.toString());
        } else {
            if (h == 0)
                title.append(line.toString());
            else if (dateAt < 0 || h < dateAt)
                source.append(line.toString());
            else
                setVariable(article, QStringLiteral("header"), line.toString());
        }
    }
    article.title = title.join(u' ');
    article.source = source.value(0);
    for (qsizetype s = 1; s < source.size(); ++s)
        setVariable(article, QStringLiteral("source_detail"), source.at(s));

    // The fields before the body; the body from the body heading, or from the first paragraph that
    // is not a field.
    const auto takeField = [&](const LexisLabel &l, const QString &labelName, QString v) {
        switch (l.field) {
        case LexisField::Title:
            if (article.title.isEmpty() || classic)
                article.title = v.simplified();
            break;
        case LexisField::Author:
            if (v.startsWith(u"By ", Qt::CaseInsensitive))
                v = v.mid(3);
            else if (v.startsWith(u"Von ", Qt::CaseInsensitive) || v.startsWith(u"Par ", Qt::CaseInsensitive)
                || v.startsWith(u"Por ", Qt::CaseInsensitive))
                v = v.mid(4);
            article.author = v.simplified();
            break;
        case LexisField::Url:
            article.url = v.trimmed();
            break;
        case LexisField::Source:
            if (article.source.isEmpty())
                article.source = v.simplified();
            break;
        case LexisField::Body:
        case LexisField::Other:
            if (l.name == u"load_date") {
                const QDate d = parseDatabaseDate(v);
                setVariable(article, l.name, d.isValid() ? d.toString(Qt::ISODate) : v);
            } else {
                setVariable(article, l.name.isEmpty() ? variableName(labelName) : l.name, v);
            }
            break;
        }
    };
    // A field's value goes on over the next lines until a blank line or another field.
    const auto readField = [&](qsizetype &at) {
        QString v = value;
        const LexisLabel l = label;
        const QString name = labelText;
        ++at;
        LexisLabel nextLabel;
        QString nextValue;
        QString nextText;
        while (at < to && !isBlank(lines.at(at)) && !isBodyHeading(lines.at(at)) && !isLexisEnd(lines.at(at))
            && !lexisFieldLine(lines.at(at), nextLabel, nextValue, nextText)) {
            v += u' ' + lines.at(at).trimmed().toString();
            ++at;
        }
        takeField(l, name, v);
    };
    qsizetype bodyStart = -1;
    QString bodyFirstLine; // "BODY: text" in a classic export
    while (i < to) {
        if (isBlank(lines.at(i)) || isPageLine(lines.at(i))) {
            ++i;
            continue;
        }
        if (isBodyHeading(lines.at(i))) {
            bodyStart = i + 1;
            break;
        }
        if (lexisFieldLine(lines.at(i), label, value, labelText)) {
            if (label.field == LexisField::Body) {
                bodyFirstLine = value;
                bodyStart = i + 1;
                break;
            }
            if (label.afterBody)
                break; // an article without a body
            readField(i);
            continue;
        }
        bodyStart = i;
        break;
    }
    // The body ends at the first field printed after it (after a blank line), a heading of what
    // follows it, or the end of the article.
    qsizetype bodyEnd = bodyStart < 0 ? i : to;
    if (bodyStart >= 0) {
        for (qsizetype k = bodyStart; k < to; ++k) {
            const bool afterBlank = k == bodyStart || isBlank(lines.at(k - 1));
            if (afterBlank
                && (isAfterBodyHeading(lines.at(k))
                    || (lexisFieldLine(lines.at(k), label, value, labelText) && label.afterBody))) {
                bodyEnd = k;
                break;
            }
        }
        article.body = bodyOf(lines, bodyStart, bodyEnd, article);
        if (!bodyFirstLine.isEmpty())
            article.body = article.body.isEmpty() ? bodyFirstLine : bodyFirstLine + u'\n' + article.body;
    }
    // The fields after the body.
    for (qsizetype k = bodyEnd; k < to;) {
        if (lexisFieldLine(lines.at(k), label, value, labelText)) {
            readField(k);
            continue;
        }
        if (isCopyrightLine(lines.at(k)))
            setVariable(article, QStringLiteral("copyright"), lines.at(k).toString());
        ++k;
    }
    return true;
}

// The cover page and table of contents of a Nexis Uni export, before its first article: where the
// first article starts, and how many documents the cover lists (0 when there is no cover).
qsizetype skipLexisCover(const Lines &lines, qsizetype end, int &listed)
{
    static const QRegularExpression documents(QStringLiteral("^(?:Documents|Dokumente|Documentos)\\s*\\((\\d+)\\)$"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression entry(QStringLiteral("^(\\d+)\\.\\s+(\\S.*)$"));
    listed = 0;
    qsizetype cover = -1;
    int seen = 0;
    for (qsizetype i = 0; i < end && seen < 12; ++i) {
        if (isBlank(lines.at(i)))
            continue;
        ++seen;
        if (const auto m = documents.match(lines.at(i).trimmed()); m.hasMatch()) {
            listed = m.captured(1).toInt();
            cover = i;
            break;
        }
    }
    if (cover < 0)
        return 0;
    QString firstTitle;
    qsizetype lastEntry = cover;
    for (qsizetype i = cover + 1; i < end; ++i) {
        const auto m = entry.match(lines.at(i).trimmed());
        if (!m.hasMatch())
            continue;
        const int n = m.captured(1).toInt();
        if (n == 1 && firstTitle.isEmpty())
            firstTitle = m.captured(2).trimmed();
        if (n <= listed)
            lastEntry = i;
        if (n == listed)
            break;
    }
    // The first article opens with the first title of the list.
    for (qsizetype i = lastEntry + 1; i < end; ++i)
        if (!firstTitle.isEmpty() && lines.at(i).trimmed() == firstTitle)
            return i;
    // Else after the last entry and the search details under it ("Client/Matter:", "Narrowed by").
    qsizetype i = lastEntry + 1;
    while (i < end
        && (isBlank(lines.at(i)) || lines.at(i).contains(u':') || lines.at(i).trimmed().startsWith(u"Narrowed by")
            || lines.at(i).trimmed().startsWith(u"Content Type")))
        ++i;
    return i;
}

// --- ProQuest --------------------------------------------------------------------------------

const QRegularExpression &proQuestStart()
{
    static const QRegularExpression p(
        QStringLiteral("^\\s*(?:Document|Dokument|Documento)\\s+(\\d+)\\s+(?:of|von|de|sur)\\s+(\\d+)\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    return p;
}

enum class ProQuestField { Other, Title, Author, Source, Date, Url, FullText, DocumentId, Abstract };

const QHash<QString, QPair<ProQuestField, QString>> &proQuestLabels()
{
    static const QHash<QString, QPair<ProQuestField, QString>> table = [] {
        QHash<QString, QPair<ProQuestField, QString>> t;
        const auto add = [&t](std::initializer_list<const char *> names, ProQuestField field, const char *name) {
            for (const char *n : names)
                t.insert(QString::fromUtf8(n), {field, QString::fromLatin1(name)});
        };
        add({"title", "titel", "titre", "título"}, ProQuestField::Title, "");
        add({"author", "autor", "auteur"}, ProQuestField::Author, "");
        add({"publication title", "publikationstitel", "titre de la publication", "título de la publicación"},
            ProQuestField::Source, "");
        add({"publication date", "publikationsdatum", "erscheinungsdatum", "date de publication",
                "fecha de publicación"},
            ProQuestField::Date, "");
        add({"document url", "dokument-url", "url du document", "url del documento"}, ProQuestField::Url, "");
        add({"full text", "volltext", "texte intégral", "texto completo"}, ProQuestField::FullText, "");
        add({"abstract", "zusammenfassung", "résumé", "resumen"}, ProQuestField::Abstract, "abstract");
        add({"proquest document id", "proquest-dokument-id", "id du document proquest", "id. del documento de proquest",
                "id del documento de proquest"},
            ProQuestField::DocumentId, "document_id");
        add({"section", "rubrik", "rubrique", "sección"}, ProQuestField::Other, "section");
        add({"language of publication", "publikationssprache", "sprache der publikation", "langue de publication",
                "idioma de la publicación"},
            ProQuestField::Other, "language");
        add({"word count", "wortanzahl", "nombre de mots", "número de palabras"}, ProQuestField::Other, "length");
        add({"subject", "schlagwort", "sujet", "materia"}, ProQuestField::Other, "subjects");
        add({"location", "ort", "lieu", "lugar"}, ProQuestField::Other, "places");
        add({"copyright", "urheberrecht"}, ProQuestField::Other, "copyright");
        for (const char *n : {"publication info", "credit", "illustration", "people", "company / organization",
                 "identifier / keyword", "first page", "publication year", "publisher", "place of publication",
                 "country of publication", "publication subject", "source type", "document type", "last updated",
                 "database", "issn", "links", "dateline", "edition", "column", "volume", "issue", "pages",
                 "document feature", "classification", "update", "accession number", "doi", "isbn", "publikationsinfo",
                 "verlag", "quellentyp", "dokumenttyp", "datenbank", "letzte aktualisierung", "éditeur",
                 "type de source", "type de document", "base de données", "dernière mise à jour", "editorial",
                 "tipo de fuente", "tipo de documento", "base de datos", "última actualización"})
            t.insert(QString::fromUtf8(n), {ProQuestField::Other, QString()});
        return t;
    }();
    return table;
}

bool proQuestFieldLine(QStringView line, QPair<ProQuestField, QString> &field, QString &label, QString &value)
{
    const qsizetype colon = line.indexOf(u':');
    if (colon < 2 || colon > 40)
        return false;
    const QString key = line.left(colon).trimmed().toString().toLower();
    const auto it = proQuestLabels().constFind(key);
    if (it == proQuestLabels().constEnd())
        return false;
    field = *it;
    label = line.left(colon).trimmed().toString();
    value = line.mid(colon + 1).trimmed().toString();
    return true;
}

bool isRule(QStringView line)
{
    const QStringView t = line.trimmed();
    return t.size() >= 10 && t.count(u'_') + t.count(u'-') + t.count(u'=') == t.size();
}

bool readProQuestArticle(const Lines &lines, qsizetype from, qsizetype to, model::Article &article, QString &reason)
{
    qsizetype i = from;
    while (i < to && (isBlank(lines.at(i)) || isRule(lines.at(i))))
        ++i;
    QPair<ProQuestField, QString> field;
    QString label;
    QString value;
    // The title line under "Document N of M", unless the export starts with the fields.
    if (i < to && !proQuestFieldLine(lines.at(i), field, label, value)) {
        article.title = lines.at(i).trimmed().toString();
        ++i;
    }
    bool sawFullText = false;
    while (i < to) {
        if (isBlank(lines.at(i)) || isRule(lines.at(i)) || lines.at(i).trimmed() == u"ProQuest document link") {
            ++i;
            continue;
        }
        if (!proQuestFieldLine(lines.at(i), field, label, value)) {
            ++i; // a line ProQuest prints without a label ("Links: ..." runs, notes): not the article's
            continue;
        }
        // The value goes on until the next field after a blank line; the full text until a field
        // after a blank line.
        qsizetype k = i + 1;
        while (k < to && !isRule(lines.at(k))) {
            QPair<ProQuestField, QString> f;
            QString l;
            QString v;
            if (isBlank(lines.at(k - 1)) && proQuestFieldLine(lines.at(k), f, l, v))
                break;
            if (field.first != ProQuestField::FullText && field.first != ProQuestField::Abstract
                && isBlank(lines.at(k)))
                break;
            ++k;
        }
        switch (field.first) {
        case ProQuestField::FullText: {
            sawFullText = true;
            const QString rest = bodyOf(lines, i + 1, k, article);
            // The first paragraph is on the label's line; a blank line after it keeps them apart.
            const bool apart = i + 1 < k && isBlank(lines.at(i + 1));
            article.body = value.isEmpty() ? rest
                : rest.isEmpty()           ? value
                                           : value + (apart ? QStringView(u"\n\n") : QStringView(u"\n")) + rest;
            break;
        }
        case ProQuestField::Title:
            article.title = QString(value + u' ' + bodyOf(lines, i + 1, k, article)).simplified();
            break;
        case ProQuestField::Author:
            article.author = value.simplified();
            break;
        case ProQuestField::Source:
            article.source = value.simplified();
            break;
        case ProQuestField::Date:
            if (const QDate d = parseDatabaseDate(value); d.isValid())
                article.published = d;
            else
                setVariable(article, QStringLiteral("publication_date"), value);
            break;
        case ProQuestField::Url:
            article.url = value.trimmed();
            break;
        case ProQuestField::DocumentId:
        case ProQuestField::Abstract:
        case ProQuestField::Other:
            setVariable(article, field.second.isEmpty() ? variableName(label) : field.second,
                QString(value + u' ' + bodyOf(lines, i + 1, k, article)).simplified());
            break;
        }
        i = k;
    }
    if (!sawFullText && article.body.isEmpty()) {
        // An abstract-only record: its abstract is the text there is.
        for (const QPair<QString, QString> &v : std::as_const(article.variables))
            if (v.first == u"abstract" && !v.second.startsWith(u"None available", Qt::CaseInsensitive))
                article.body = v.second;
        if (article.body.isEmpty())
            reason = QStringLiteral("no full text in this ProQuest record (an abstract or citation only)");
    }
    return reason.isEmpty();
}

// --- Factiva ---------------------------------------------------------------------------------

const QRegularExpression &factivaDocumentLine()
{
    static const QRegularExpression p(
        QStringLiteral("^\\s*(?:Document|Dokument|Documento)\\s+([A-Za-z0-9]{12,40})\\s*$"));
    return p;
}

const QRegularExpression &factivaWords()
{
    static const QRegularExpression p(
        QStringLiteral("^\\s*(\\d[\\d,.\u00a0]*)\\s+(?:words|W\u00f6rter|mots|palabras)\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    return p;
}

// A field line of Factiva's field layout: the code alone, or the code then a tab or two spaces.
bool factivaFieldLine(QStringView line, QString &code, QStringView &value)
{
    static const QSet<QString> codes = {QStringLiteral("HD"), QStringLiteral("BY"), QStringLiteral("CR"),
        QStringLiteral("WC"), QStringLiteral("PD"), QStringLiteral("ET"), QStringLiteral("SN"), QStringLiteral("SC"),
        QStringLiteral("ED"), QStringLiteral("PG"), QStringLiteral("LA"), QStringLiteral("CY"), QStringLiteral("LP"),
        QStringLiteral("TD"), QStringLiteral("CT"), QStringLiteral("RF"), QStringLiteral("CO"), QStringLiteral("IN"),
        QStringLiteral("NS"), QStringLiteral("RE"), QStringLiteral("IPC"), QStringLiteral("IPD"), QStringLiteral("PUB"),
        QStringLiteral("AN"), QStringLiteral("SE"), QStringLiteral("CLM"), QStringLiteral("ART"),
        QStringLiteral("VOL")};
    const QStringView t = line.trimmed();
    qsizetype n = 0;
    while (n < t.size() && n < 4 && t.at(n).isUpper())
        ++n;
    if (n < 2 || !codes.contains(t.left(n).toString()))
        return false;
    if (n == t.size()) {
        code = t.left(n).toString();
        value = {};
        return true;
    }
    const QStringView after = t.mid(n);
    if (!(after.startsWith(u'\t') || after.startsWith(u"  ")))
        return false;
    code = t.left(n).toString();
    value = after.trimmed();
    return true;
}

const QRegularExpression &byPrefix()
{
    static const QRegularExpression p(QStringLiteral("^(?:By|Von|Par|Por) "));
    return p;
}

QString documentId(QStringView value)
{
    const auto m = factivaDocumentLine().match(value);
    return m.hasMatch() ? m.captured(1) : value.trimmed().toString();
}

void setFactivaLength(model::Article &article, QStringView value)
{
    setVariable(article, QStringLiteral("length"), value.toString());
}

// The field layout: "HD  Title", "WC  523 words", ..., "AN  Document TMS...". An article runs from
// HD to AN.
void readFactivaFields(const Lines &lines, ReadResult &result)
{
    model::Article article;
    QString code;
    QString current;
    QStringList lead;
    QStringList text;
    int document = 0;
    qsizetype startLine = 0;
    bool open = false;
    const auto finishArticle = [&] {
        if (!open)
            return;
        QStringList paragraphs = lead + text;
        article.body = paragraphs.join(u'\n');
        article.path = where(document, startLine);
        result.articles.append(std::move(article));
        article = model::Article();
        lead.clear();
        text.clear();
        open = false;
    };
    const auto append = [&](const QString &field, QStringView value) {
        const QString v = value.toString();
        if (field == u"HD")
            article.title = QString(article.title + u' ' + v).simplified();
        else if (field == u"BY")
            article.author = QString(article.author + u' ' + v).simplified().remove(byPrefix());
        else if (field == u"SN")
            article.source = QString(article.source + u' ' + v).simplified();
        else if (field == u"PD") {
            if (const QDate d = parseDatabaseDate(v); d.isValid())
                article.published = d;
        } else if (field == u"WC")
            setFactivaLength(article, value);
        else if (field == u"LP")
            lead.append(v);
        else if (field == u"TD")
            text.append(v);
        else if (field == u"AN")
            setVariable(article, QStringLiteral("document_id"), documentId(value));
        else {
            static const QHash<QString, QString> names = {{QStringLiteral("SC"), QStringLiteral("source_code")},
                {QStringLiteral("LA"), QStringLiteral("language")}, {QStringLiteral("CY"), QStringLiteral("copyright")},
                {QStringLiteral("CR"), QStringLiteral("credit")}, {QStringLiteral("ED"), QStringLiteral("edition")},
                {QStringLiteral("PG"), QStringLiteral("page")}, {QStringLiteral("ET"), QStringLiteral("time")},
                {QStringLiteral("NS"), QStringLiteral("subjects")}, {QStringLiteral("RE"), QStringLiteral("places")},
                {QStringLiteral("CO"), QStringLiteral("companies")},
                {QStringLiteral("IN"), QStringLiteral("industries")}, {QStringLiteral("SE"), QStringLiteral("section")},
                {QStringLiteral("CT"), QStringLiteral("contact")}, {QStringLiteral("RF"), QStringLiteral("reference")},
                {QStringLiteral("IPC"), QStringLiteral("codes")},
                {QStringLiteral("IPD"), QStringLiteral("descriptors")},
                {QStringLiteral("PUB"), QStringLiteral("publisher")}, {QStringLiteral("CLM"), QStringLiteral("column")},
                {QStringLiteral("ART"), QStringLiteral("artwork")}, {QStringLiteral("VOL"), QStringLiteral("volume")}};
            setVariable(article, names.value(field, field.toLower()), v);
        }
    };
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QStringView value;
        if (factivaFieldLine(lines.at(i), code, value)) {
            if (code == u"HD") {
                finishArticle();
                open = true;
                ++document;
                startLine = i;
            }
            if (!open)
                continue;
            current = code;
            if (!value.isEmpty())
                append(current, value);
            if (code == u"AN")
                finishArticle();
            continue;
        }
        if (!open || isBlank(lines.at(i)) || isPageLine(lines.at(i)))
            continue;
        // A line under a field goes on its value; under LP and TD each is a paragraph.
        append(current, lines.at(i).trimmed());
    }
    finishArticle();
}

// The displayed layout: title, byline, "523 words", date, source, source code, language,
// copyright, the paragraphs, "Document TMS0000020200305eg350003l".
void readFactivaDisplayed(const Lines &lines, ReadResult &result)
{
    qsizetype start = 0;
    int document = 0;
    // The export's own header (search summary) sits before the first article's title: an article
    // starts at the non-blank line after the previous "Document" line.
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const auto m = factivaDocumentLine().match(lines.at(i));
        if (!m.hasMatch())
            continue;
        ++document;
        model::Article article;
        article.path = where(document, start);
        setVariable(article, QStringLiteral("document_id"), m.captured(1));
        // Header lines: up to the "N words" line, then the fields after it.
        QList<qsizetype> nonBlank;
        for (qsizetype k = start; k < i; ++k)
            if (!isBlank(lines.at(k)) && !isPageLine(lines.at(k)))
                nonBlank.append(k);
        qsizetype wordsAt = -1;
        for (qsizetype n = 0; n < nonBlank.size() && n < 12; ++n)
            if (factivaWords().match(lines.at(nonBlank.at(n))).hasMatch()) {
                wordsAt = n;
                break;
            }
        qsizetype bodyFrom = start;
        if (wordsAt >= 0) {
            // Before "N words": the title, and a byline between them when one starts with "By" (or
            // its German, French or Spanish word). Lines before the title are the export's own.
            if (wordsAt >= 1) {
                QString by = lines.at(nonBlank.at(wordsAt - 1)).trimmed().toString();
                const bool byline = byPrefix().match(by).hasMatch() && wordsAt >= 2;
                article.title = lines.at(nonBlank.at(wordsAt - (byline ? 2 : 1))).trimmed().toString();
                if (byline)
                    article.author = by.remove(byPrefix()).trimmed();
            }
            setFactivaLength(article, lines.at(nonBlank.at(wordsAt)).trimmed());
            // After it: date, an optional time, source, source code, language, copyright.
            qsizetype n = wordsAt + 1;
            static const QRegularExpression time(QStringLiteral("^\\d{1,2}:\\d{2}(?:\\s*\\S{1,5})?$"));
            static const QRegularExpression code(QStringLiteral("^[A-Z0-9]{2,10}$"));
            int taken = 0;
            while (n < nonBlank.size() && taken < 7) {
                const QStringView line = lines.at(nonBlank.at(n)).trimmed();
                if (!article.published.isValid() && parseDatabaseDate(line).isValid()) {
                    article.published = parseDatabaseDate(line);
                } else if (time.match(line).hasMatch()) {
                    setVariable(article, QStringLiteral("time"), line.toString());
                } else if (isCopyrightLine(line)) {
                    setVariable(article, QStringLiteral("copyright"), line.toString());
                    ++n;
                    break; // the copyright line is the header's last
                } else if (code.match(line).hasMatch()) {
                    setVariable(article, QStringLiteral("source_code"), line.toString());
                } else if (article.source.isEmpty() && line.size() <= 80) {
                    article.source = line.toString();
                } else if (line.size() <= 20 && !line.contains(u'.')) {
                    setVariable(article, QStringLiteral("language"), line.toString());
                } else {
                    break;
                }
                ++n;
                ++taken;
            }
            bodyFrom = n < nonBlank.size() ? nonBlank.at(n) : i;
        }
        article.body = bodyOf(lines, bodyFrom, i, article);
        result.articles.append(std::move(article));
        start = i + 1;
    }
}

// The lines of an HTML page: each block on lines of its own, table cells apart by a tab, the text
// of scripts and styles left out, character references decoded.
QString htmlToText(const QString &html)
{
    static const QSet<QString> blocks = {QStringLiteral("p"), QStringLiteral("div"), QStringLiteral("br"),
        QStringLiteral("tr"), QStringLiteral("li"), QStringLiteral("h1"), QStringLiteral("h2"), QStringLiteral("h3"),
        QStringLiteral("h4"), QStringLiteral("table"), QStringLiteral("span"), QStringLiteral("b"),
        QStringLiteral("title"), QStringLiteral("body"), QStringLiteral("pre")};
    QString out;
    out.reserve(html.size() / 2);
    QString pending; // text of the block being read
    const auto flush = [&](QStringView separator) {
        const QString t = decodeEntities(pending).simplified();
        pending.clear();
        if (!t.isEmpty())
            out += t;
        out += separator;
    };
    const qsizetype n = html.size();
    for (qsizetype i = 0; i < n;) {
        const QChar c = html.at(i);
        if (c != u'<') {
            pending.append(c);
            ++i;
            continue;
        }
        if (html.mid(i, 4) == u"<!--") {
            const qsizetype close = html.indexOf(QStringLiteral("-->"), i + 4);
            i = close < 0 ? n : close + 3;
            continue;
        }
        const qsizetype close = html.indexOf(u'>', i + 1);
        if (close < 0)
            break;
        const QStringView inner = QStringView(html).mid(i + 1, close - i - 1);
        qsizetype k = inner.startsWith(u'/') ? 1 : 0;
        const qsizetype nameStart = k;
        while (k < inner.size() && inner.at(k).isLetterOrNumber())
            ++k;
        const QString name = inner.mid(nameStart, k - nameStart).toString().toLower();
        const bool closing = inner.startsWith(u'/');
        i = close + 1;
        if (!closing && (name == u"script" || name == u"style")) {
            const qsizetype end = html.indexOf(QStringLiteral("</") + name, i, Qt::CaseInsensitive);
            i = end < 0 ? n : end;
            continue;
        }
        if (name == u"td" || name == u"th") {
            if (closing)
                flush(u"\t");
            continue;
        }
        if (name == u"b" || name == u"span") {
            if (!closing)
                continue;
            // Factiva's field layout: "<b>HD</b>&nbsp;Title" — a code in bold is a field.
            const QString t = decodeEntities(pending).simplified();
            QString code;
            QStringView value;
            if (t.size() <= 3 && factivaFieldLine(t, code, value))
                flush(u"\t");
            continue;
        }
        if (blocks.contains(name))
            flush(name == u"br" ? QStringView(u"\n") : QStringView(u"\n\n"));
    }
    flush(u"\n");
    return out;
}

} // namespace

NewsDatabase detectNewsDatabase(QStringView text)
{
    static const QRegularExpression lexisStartAnywhere(
        QStringLiteral("^\\s*\\d+\\s+(?:of|von|de|sur|di)\\s+\\d+\\s+(?:DOCUMENTS?|DOKUMENTE?N?|DOCUMENTOS?)\\s*$"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::MultilineOption);
    static const QRegularExpression lexisEnd(
        QStringLiteral("^\\s*(?:End of Document|Ende des Dokuments|Fin du document|"
                       "Fin del documento)\\s*$"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::MultilineOption);
    static const QRegularExpression lexisField(
        QStringLiteral("^\\s*(?:Load-Date|LOAD-DATE|Length|LENGTH|L\u00e4nge|"
                       "L\u00c4NGE|Longueur|LONGUEUR|Longitud|Section|SECTION|Rubrik|RUBRIK):"),
        QRegularExpression::MultilineOption);
    static const QRegularExpression proQuest(
        QStringLiteral("^\\s*(?:Document|Dokument|Documento)\\s+\\d+\\s+(?:of|von|de|sur)\\s+\\d+\\s*$"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::MultilineOption);
    static const QRegularExpression proQuestText(
        QStringLiteral("^\\s*(?:Full text|Volltext|Texte int\u00e9gral|Texto completo|ProQuest document ID|Abstract):"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::MultilineOption);
    static const QRegularExpression factivaId(
        QStringLiteral("^\\s*(?:AN\\s+)?(?:Document|Dokument|Documento)\\s+[A-Za-z0-9]{12,40}\\s*$"),
        QRegularExpression::MultilineOption);
    static const QRegularExpression factivaFields(
        QStringLiteral("^\\s*HD(?:\\t|  |$)"), QRegularExpression::MultilineOption);
    static const QRegularExpression factivaWordsAnywhere(
        QStringLiteral("^\\s*\\d[\\d,.]*\\s+(?:words|W\u00f6rter|mots|palabras)\\s*$"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::MultilineOption);
    // A ProQuest record says "Document 1 of 25" too: ProQuest first.
    if (proQuest.match(text).hasMatch() && proQuestText.match(text).hasMatch())
        return NewsDatabase::ProQuest;
    if (lexisStartAnywhere.match(text).hasMatch())
        return NewsDatabase::LexisNexis;
    if (lexisEnd.match(text).hasMatch() && lexisField.match(text).hasMatch())
        return NewsDatabase::LexisNexis;
    if (factivaId.match(text).hasMatch()
        && (factivaFields.match(text).hasMatch() || factivaWordsAnywhere.match(text).hasMatch()))
        return NewsDatabase::Factiva;
    return NewsDatabase::None;
}

bool looksLikeFactivaHtml(QStringView html)
{
    const QStringView head = html.left(200000);
    if (!(head.contains(u"Factiva", Qt::CaseInsensitive) || head.contains(u"articleParagraph")
            || head.contains(u"enArticle")))
        return false;
    static const QRegularExpression id(QStringLiteral("(?:Document|Dokument|Documento)\\s+[A-Za-z0-9]{12,40}\\s*<"));
    return id.match(html).hasMatch();
}

ReadResult readLexisNexisText(const QString &input)
{
    ReadResult result;
    const QString text = normalizeLineEnds(input);
    const Lines lines = QStringView(text).split(u'\n');
    QList<qsizetype> starts;
    QList<qsizetype> ends;
    int listedTotal = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QStringView t = lines.at(i).trimmed();
        if (t.isEmpty() || t.size() > 40)
            continue;
        if (t.at(0).isDigit()) {
            if (const auto m = lexisStart().match(t); m.hasMatch()) {
                starts.append(i);
                listedTotal = m.captured(2).toInt();
            }
        } else if (isLexisEnd(t)) {
            ends.append(i);
        }
    }
    const bool classic = !starts.isEmpty();
    QList<QPair<qsizetype, qsizetype>> segments;
    int listed = 0;
    if (classic) {
        for (qsizetype k = 0; k < starts.size(); ++k) {
            qsizetype to = k + 1 < starts.size() ? starts.at(k + 1) : lines.size();
            for (const qsizetype e : std::as_const(ends))
                if (e > starts.at(k) && e < to)
                    to = e;
            segments.append({starts.at(k) + 1, to});
        }
        listed = listedTotal;
    } else {
        qsizetype from = skipLexisCover(lines, ends.isEmpty() ? lines.size() : ends.first(), listed);
        for (const qsizetype e : std::as_const(ends)) {
            segments.append({from, e});
            from = e + 1;
        }
        // What follows the last "End of Document": an article cut short, if there is any text.
        bool rest = false;
        for (qsizetype i = from; i < lines.size() && !rest; ++i)
            rest = !isBlank(lines.at(i)) && !isPageLine(lines.at(i));
        if (rest)
            segments.append({from, lines.size()});
    }
    int document = 0;
    for (const auto &[from, to] : std::as_const(segments)) {
        ++document;
        model::Article article;
        QString reason;
        qsizetype first = from;
        while (first < to && isBlank(lines.at(first)))
            ++first;
        if (first >= to)
            continue; // two end markers in a row
        if (readLexisArticle(lines, first, to, classic, article, reason)) {
            article.path = where(document, first);
            result.articles.append(std::move(article));
        } else {
            result.refused.append({where(document, first), reason});
        }
    }
    if (listed > 0 && document != listed)
        result.warnings.append({QString(),
            QStringLiteral("the export lists %1 documents; %2 were found in it (a file cut short?)")
                .arg(listed)
                .arg(document)});
    return result;
}

ReadResult readProQuestText(const QString &input)
{
    ReadResult result;
    const QString text = normalizeLineEnds(input);
    const Lines lines = QStringView(text).split(u'\n');
    QList<qsizetype> starts;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QStringView t = lines.at(i).trimmed();
        if (!t.isEmpty() && t.size() < 40 && t.at(0).isUpper() && proQuestStart().match(t).hasMatch())
            starts.append(i);
    }
    for (qsizetype k = 0; k < starts.size(); ++k) {
        const qsizetype from = starts.at(k) + 1;
        const qsizetype to = k + 1 < starts.size() ? starts.at(k + 1) : lines.size();
        model::Article article;
        QString reason;
        const int document = proQuestStart().match(lines.at(starts.at(k)).trimmed()).captured(1).toInt();
        if (readProQuestArticle(lines, from, to, article, reason)) {
            article.path = where(document, starts.at(k));
            result.articles.append(std::move(article));
        } else {
            result.refused.append({where(document, starts.at(k)), reason});
        }
    }
    return result;
}

ReadResult readFactivaText(const QString &input)
{
    ReadResult result;
    const QString text = normalizeLineEnds(input);
    const Lines lines = QStringView(text).split(u'\n');
    bool fields = false;
    QString code;
    QStringView value;
    for (qsizetype i = 0; i < lines.size() && !fields; ++i)
        fields = factivaFieldLine(lines.at(i), code, value) && code == u"HD";
    if (fields)
        readFactivaFields(lines, result);
    else
        readFactivaDisplayed(lines, result);
    return result;
}

ReadResult readFactivaHtml(const QString &html)
{
    return readFactivaText(htmlToText(html));
}

} // namespace gloss::import
