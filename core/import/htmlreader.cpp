// The HTML reader: a saved news page to one article. A small tolerant tokenizer, not a browser:
// it reads the title, dates and credits from the head's metadata and the article's main text
// from the body, leaving out navigation, scripts, styles, comments and page furniture. Nothing is
// fetched and no other file is read.
#include "import/decoder.h"
#include "import/htmlentities.h"
#include "import/newsdate.h"
#include "import/reader.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gloss::import {

namespace {

const QHash<QString, char16_t> &namedEntities()
{
    static const QHash<QString, char16_t> table = [] {
        QHash<QString, char16_t> t;
        // The 96 Latin-1 names, U+00A0..U+00FF in order.
        static const char *const latin1[] = {"nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml",
            "copy", "ordf", "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
            "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave",
            "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml",
            "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml",
            "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig", "agrave", "aacute",
            "acirc", "atilde", "auml", "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc", "euml", "igrave",
            "iacute", "icirc", "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide",
            "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml"};
        for (int i = 0; i < 96; ++i)
            t.insert(QString::fromLatin1(latin1[i]), char16_t(0xA0 + i));
        const std::pair<const char *, char16_t> others[] = {
            {"amp", u'&'},
            {"lt", u'<'},
            {"gt", u'>'},
            {"quot", u'"'},
            {"apos", u'\''},
            {"ndash", 0x2013},
            {"mdash", 0x2014},
            {"lsquo", 0x2018},
            {"rsquo", 0x2019},
            {"sbquo", 0x201A},
            {"ldquo", 0x201C},
            {"rdquo", 0x201D},
            {"bdquo", 0x201E},
            {"hellip", 0x2026},
            {"bull", 0x2022},
            {"euro", 0x20AC},
            {"trade", 0x2122},
            {"dagger", 0x2020},
            {"Dagger", 0x2021},
            {"permil", 0x2030},
            {"lsaquo", 0x2039},
            {"rsaquo", 0x203A},
            {"prime", 0x2032},
            {"Prime", 0x2033},
            {"OElig", 0x0152},
            {"oelig", 0x0153},
            {"Scaron", 0x0160},
            {"scaron", 0x0161},
            {"Yuml", 0x0178},
            {"fnof", 0x0192},
            {"circ", 0x02C6},
            {"tilde", 0x02DC},
            {"ensp", 0x2002},
            {"emsp", 0x2003},
            {"thinsp", 0x2009},
            {"zwnj", 0x200C},
            {"zwj", 0x200D},
            {"lrm", 0x200E},
            {"rlm", 0x200F},
            {"larr", 0x2190},
            {"rarr", 0x2192},
            {"uarr", 0x2191},
            {"darr", 0x2193},
            {"minus", 0x2212},
            {"le", 0x2264},
            {"ge", 0x2265},
            {"ne", 0x2260},
            {"asymp", 0x2248},
            {"infin", 0x221E},
            {"deg", 0x00B0},
            {"Alpha", 0x0391},
            {"alpha", 0x03B1},
            {"beta", 0x03B2},
            {"gamma", 0x03B3},
            {"delta", 0x03B4},
            {"mu", 0x03BC},
            {"pi", 0x03C0},
            {"sigma", 0x03C3},
            {"Omega", 0x03A9},
            {"omega", 0x03C9},
        };
        for (const auto &[name, code] : others)
            t.insert(QString::fromLatin1(name), code);
        return t;
    }();
    return table;
}

} // namespace

// Decodes character references. A reference that names nothing (or a code point that is not a
// character) is left as written rather than turned into U+FFFD.
QString decodeEntities(QStringView s)
{
    if (!s.contains(u'&'))
        return s.toString();
    QString out;
    out.reserve(s.size());
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = s.at(i);
        if (c != u'&') {
            out.append(c);
            continue;
        }
        // Only a few characters ahead: a search to the end for each '&' is quadratic.
        const qsizetype found = s.mid(i + 1, 12).indexOf(u';');
        const qsizetype semi = found < 0 ? -1 : i + 1 + found;
        if (semi < 0) {
            out.append(c);
            continue;
        }
        const QStringView name = s.mid(i + 1, semi - i - 1);
        char32_t code = 0;
        if (name.startsWith(u'#')) {
            bool ok = false;
            const uint value = (name.size() > 1 && (name.at(1) == u'x' || name.at(1) == u'X'))
                ? name.mid(2).toUInt(&ok, 16)
                : name.mid(1).toUInt(&ok, 10);
            if (ok && value >= 0x80 && value < 0xA0)
                code = fromCp1252(uchar(value)); // HTML reads 0x80–0x9F as Windows-1252 does
            else if (ok && value > 0 && value <= 0x10FFFF && !(value >= 0xD800 && value < 0xE000))
                code = value;
        } else {
            code = namedEntities().value(name.toString(), 0);
        }
        if (code == 0) {
            out.append(c);
            continue;
        }
        if (code > 0xFFFF) {
            const char32_t ucs[1] = {code};
            out.append(QString::fromUcs4(ucs, 1));
        } else {
            out.append(QChar(char16_t(code)));
        }
        i = semi;
    }
    return out;
}

namespace {

struct Tag
{
    QString name; // lower case; empty for text
    bool closing = false;
    bool selfClosing = false;
    QHash<QString, QString> attributes; // names in lower case, values decoded
};

Tag parseTag(QStringView inner)
{
    Tag tag;
    qsizetype i = 0;
    const qsizetype n = inner.size();
    if (i < n && inner.at(i) == u'/') {
        tag.closing = true;
        ++i;
    }
    const qsizetype nameStart = i;
    while (i < n && !inner.at(i).isSpace() && inner.at(i) != u'/' && inner.at(i) != u'>')
        ++i;
    tag.name = inner.mid(nameStart, i - nameStart).toString().toLower();
    while (i < n) {
        while (i < n && (inner.at(i).isSpace() || inner.at(i) == u'/')) {
            if (inner.at(i) == u'/' && i == n - 1)
                tag.selfClosing = true;
            ++i;
        }
        const qsizetype attrStart = i;
        while (i < n && !inner.at(i).isSpace() && inner.at(i) != u'=' && inner.at(i) != u'/')
            ++i;
        const QString attr = inner.mid(attrStart, i - attrStart).toString().toLower();
        while (i < n && inner.at(i).isSpace())
            ++i;
        QString value;
        if (i < n && inner.at(i) == u'=') {
            ++i;
            while (i < n && inner.at(i).isSpace())
                ++i;
            if (i < n && (inner.at(i) == u'"' || inner.at(i) == u'\'')) {
                const QChar quote = inner.at(i);
                const qsizetype end = inner.indexOf(quote, i + 1);
                const qsizetype stop = end < 0 ? n : end;
                value = decodeEntities(inner.mid(i + 1, stop - i - 1));
                i = stop + 1;
            } else {
                const qsizetype valueStart = i;
                while (i < n && !inner.at(i).isSpace())
                    ++i;
                value = decodeEntities(inner.mid(valueStart, i - valueStart));
            }
        }
        if (!attr.isEmpty() && !tag.attributes.contains(attr))
            tag.attributes.insert(attr, value);
    }
    return tag;
}

bool isVoid(const QString &name)
{
    static const QSet<QString> names = {
        QStringLiteral("area"),
        QStringLiteral("base"),
        QStringLiteral("br"),
        QStringLiteral("col"),
        QStringLiteral("embed"),
        QStringLiteral("hr"),
        QStringLiteral("img"),
        QStringLiteral("input"),
        QStringLiteral("link"),
        QStringLiteral("meta"),
        QStringLiteral("param"),
        QStringLiteral("source"),
        QStringLiteral("track"),
        QStringLiteral("wbr"),
    };
    return names.contains(name);
}

bool isBlock(const QString &name)
{
    static const QSet<QString> names = {
        QStringLiteral("p"),
        QStringLiteral("div"),
        QStringLiteral("h1"),
        QStringLiteral("h2"),
        QStringLiteral("h3"),
        QStringLiteral("h4"),
        QStringLiteral("h5"),
        QStringLiteral("h6"),
        QStringLiteral("li"),
        QStringLiteral("ul"),
        QStringLiteral("ol"),
        QStringLiteral("blockquote"),
        QStringLiteral("section"),
        QStringLiteral("article"),
        QStringLiteral("main"),
        QStringLiteral("header"),
        QStringLiteral("footer"),
        QStringLiteral("nav"),
        QStringLiteral("aside"),
        QStringLiteral("table"),
        QStringLiteral("tr"),
        QStringLiteral("td"),
        QStringLiteral("th"),
        QStringLiteral("pre"),
        QStringLiteral("figure"),
        QStringLiteral("figcaption"),
        QStringLiteral("body"),
        QStringLiteral("form"),
        QStringLiteral("dl"),
        QStringLiteral("dt"),
        QStringLiteral("dd"),
        QStringLiteral("address"),
        QStringLiteral("hr"),
    };
    return names.contains(name);
}

// Elements whose text is never the article's.
bool isExcludedElement(const QString &name)
{
    static const QSet<QString> names = {
        QStringLiteral("nav"),
        QStringLiteral("header"),
        QStringLiteral("footer"),
        QStringLiteral("aside"),
        QStringLiteral("form"),
        QStringLiteral("button"),
        QStringLiteral("select"),
        QStringLiteral("h1"),
        QStringLiteral("figcaption"),
        QStringLiteral("svg"),
        QStringLiteral("iframe"),
        QStringLiteral("object"),
        QStringLiteral("head"),
        QStringLiteral("menu"),
        QStringLiteral("dialog"),
    };
    return names.contains(name);
}

// Page furniture by its class or id: bylines, metadata lines, newsletters, comments, sharing.
bool isFurniture(const Tag &tag)
{
    static const QStringList words = {
        QStringLiteral("byline"),
        QStringLiteral("newsletter"),
        QStringLiteral("comment"),
        QStringLiteral("promo"),
        QStringLiteral("breadcrumb"),
        QStringLiteral("cookie"),
        QStringLiteral("share"),
        QStringLiteral("social"),
        QStringLiteral("related"),
        QStringLiteral("advert"),
        QStringLiteral("subscribe"),
        QStringLiteral("sidebar"),
    };
    static const QStringList exact = {QStringLiteral("meta"), QStringLiteral("ad"), QStringLiteral("ads"),
        QStringLiteral("author"), QStringLiteral("dateline-meta")};
    const QString classes
        = tag.attributes.value(QStringLiteral("class")) + u' ' + tag.attributes.value(QStringLiteral("id"));
    for (const QString &token : classes.toLower().split(u' ', Qt::SkipEmptyParts)) {
        if (exact.contains(token) || token.startsWith(u"ad-") || token.startsWith(u"meta-"))
            return true;
        for (const QString &w : words)
            if (token.contains(w))
                return true;
    }
    return false;
}

// One paragraph of text and where it sat.
struct Block
{
    QString text;
    bool inArticle = false;
    bool inMain = false;
};

class Parser
{
public:
    explicit Parser(QStringView html)
        : m_html(html)
    { }
    void run();

    QString title; // <title>
    QString firstH1;
    QString firstTime; // <time datetime>
    QHash<QString, QString> meta; // property or name (lower case) -> content; the first wins
    QString canonical;
    QStringList jsonLd;
    QList<Block> blocks;

private:
    struct Open
    {
        QString name;
        bool excluded;
    };
    void text(QStringView raw);
    void openTag(const Tag &tag);
    void closeTag(const QString &name);
    void breakBlock();
    int depthOf(const QString &name) const;

    QStringView m_html;
    QList<Open> m_stack;
    // How many of each element are open: a closing tag of an element that is not open is found
    // stray at once. Otherwise the search down the stack stops at the element, and everything
    // it passes is closed, so the searching costs no more than the opening did.
    QHash<QString, int> m_openCount;
    int m_excluded = 0; // open elements whose text is left out
    int m_article = 0;
    int m_main = 0;
    int m_pre = 0;
    bool m_inTitle = false;
    bool m_inH1 = false;
    QString m_current;
    QString m_h1;
};

int Parser::depthOf(const QString &name) const
{
    if (m_openCount.value(name) == 0)
        return -1;
    for (qsizetype i = m_stack.size() - 1; i >= 0; --i)
        if (m_stack.at(i).name == name)
            return int(i);
    return -1;
}

void Parser::breakBlock()
{
    const QString t = m_current.trimmed();
    if (!t.isEmpty())
        blocks.append({t, m_article > 0, m_main > 0});
    m_current.clear();
}

void Parser::text(QStringView raw)
{
    if (m_inTitle) {
        title += decodeEntities(raw);
        return;
    }
    if (m_inH1)
        m_h1 += decodeEntities(raw);
    if (m_excluded > 0)
        return;
    QString decoded = decodeEntities(raw);
    if (m_pre == 0) {
        // Runs of white space are one space, as a browser shows them (U+00A0 is kept).
        QString collapsed;
        collapsed.reserve(decoded.size());
        bool space = !m_current.isEmpty() && m_current.back() == u' ';
        for (const QChar c : std::as_const(decoded)) {
            if (c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\f') {
                if (!space && !(m_current.isEmpty() && collapsed.isEmpty()))
                    collapsed.append(u' ');
                space = true;
            } else {
                collapsed.append(c);
                space = false;
            }
        }
        decoded = collapsed;
    }
    m_current += decoded;
}

void Parser::openTag(const Tag &tag)
{
    const QString &name = tag.name;
    if (name == u"br") {
        if (m_excluded == 0) {
            while (m_current.endsWith(u' '))
                m_current.chop(1);
            m_current.append(u'\n');
        }
        return;
    }
    if (name == u"meta") {
        QString key = tag.attributes.value(QStringLiteral("property"));
        if (key.isEmpty())
            key = tag.attributes.value(QStringLiteral("name"));
        if (key.isEmpty())
            key = tag.attributes.value(QStringLiteral("itemprop"));
        key = key.toLower();
        if (!key.isEmpty() && !meta.contains(key))
            meta.insert(key, tag.attributes.value(QStringLiteral("content")).trimmed());
        return;
    }
    if (name == u"link") {
        if (tag.attributes.value(QStringLiteral("rel")).toLower() == u"canonical" && canonical.isEmpty())
            canonical = tag.attributes.value(QStringLiteral("href")).trimmed();
        return;
    }
    if (name == u"time" && firstTime.isEmpty())
        firstTime = tag.attributes.value(QStringLiteral("datetime")).trimmed();
    if (isBlock(name))
        breakBlock();
    if (isVoid(name) || tag.selfClosing)
        return;
    const bool structural = name == u"article" || name == u"main" || name == u"body" || name == u"html";
    const bool excluded = isExcludedElement(name) || (!structural && isFurniture(tag));
    m_stack.append({name, excluded});
    ++m_openCount[name];
    if (excluded)
        ++m_excluded;
    if (name == u"article")
        ++m_article;
    if (name == u"main")
        ++m_main;
    if (name == u"pre")
        ++m_pre;
    if (name == u"title")
        m_inTitle = true;
    if (name == u"h1" && firstH1.isEmpty())
        m_inH1 = true;
}

void Parser::closeTag(const QString &name)
{
    if (name == u"title")
        m_inTitle = false;
    if (name == u"h1" && m_inH1) {
        m_inH1 = false;
        firstH1 = m_h1.simplified();
    }
    const int depth = depthOf(name);
    if (isBlock(name))
        breakBlock();
    if (depth < 0)
        return; // a stray closing tag
    while (m_stack.size() > depth) {
        const Open open = m_stack.takeLast();
        --m_openCount[open.name];
        if (open.excluded)
            --m_excluded;
        if (open.name == u"article")
            --m_article;
        if (open.name == u"main")
            --m_main;
        if (open.name == u"pre")
            --m_pre;
    }
}

void Parser::run()
{
    const qsizetype n = m_html.size();
    qsizetype i = 0;
    while (i < n) {
        const qsizetype lt = m_html.indexOf(u'<', i);
        if (lt < 0) {
            text(m_html.mid(i));
            break;
        }
        if (lt > i)
            text(m_html.mid(i, lt - i));
        i = lt;
        if (m_html.mid(i, 4) == u"<!--") {
            const qsizetype end = m_html.indexOf(u"-->", i + 4);
            i = end < 0 ? n : end + 3;
            continue;
        }
        if (m_html.mid(i, 9) == u"<![CDATA[") {
            const qsizetype end = m_html.indexOf(u"]]>", i + 9);
            i = end < 0 ? n : end + 3;
            continue;
        }
        const QChar next = i + 1 < n ? m_html.at(i + 1) : QChar();
        if (next == u'!' || next == u'?') { // doctype, processing instruction
            const qsizetype end = m_html.indexOf(u'>', i);
            i = end < 0 ? n : end + 1;
            continue;
        }
        if (!(next.isLetter() || next == u'/')) {
            text(m_html.mid(i, 1)); // a lone "<" in text
            ++i;
            continue;
        }
        // The end of the tag: the first '>' outside a quoted attribute value.
        qsizetype j = i + 1;
        QChar quote;
        while (j < n) {
            const QChar c = m_html.at(j);
            if (!quote.isNull()) {
                if (c == quote)
                    quote = QChar();
            } else if (c == u'"' || c == u'\'') {
                quote = c;
            } else if (c == u'>') {
                break;
            }
            ++j;
        }
        const Tag tag = parseTag(m_html.mid(i + 1, j - i - 1));
        i = j < n ? j + 1 : n;
        if (tag.closing) {
            closeTag(tag.name);
            continue;
        }
        // Raw text elements: their content is not markup.
        if (tag.name == u"script" || tag.name == u"style" || tag.name == u"textarea" || tag.name == u"noscript"
            || tag.name == u"template") {
            const QString endTag = u"</" + tag.name;
            qsizetype end = m_html.indexOf(endTag, i, Qt::CaseInsensitive);
            if (end < 0)
                end = n;
            if (tag.name == u"script"
                && tag.attributes.value(QStringLiteral("type")).toLower() == u"application/ld+json")
                jsonLd.append(m_html.mid(i, end - i).toString());
            const qsizetype close = m_html.indexOf(u'>', end);
            i = close < 0 ? n : close + 1;
            continue;
        }
        openTag(tag);
    }
    breakBlock();
}

// The first value of `key` anywhere in a JSON-LD tree (objects, arrays, @graph).
QJsonValue findKey(const QJsonValue &value, const QString &key)
{
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        if (o.contains(key))
            return o.value(key);
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QJsonValue found = findKey(it.value(), key);
            if (!found.isUndefined())
                return found;
        }
    } else if (value.isArray()) {
        for (const QJsonValue &v : value.toArray()) {
            const QJsonValue found = findKey(v, key);
            if (!found.isUndefined())
                return found;
        }
    }
    return QJsonValue(QJsonValue::Undefined);
}

QString nameOf(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isObject())
        return v.toObject().value(QStringLiteral("name")).toString();
    if (v.isArray()) {
        QStringList names;
        for (const QJsonValue &item : v.toArray())
            if (const QString name = nameOf(item); !name.isEmpty())
                names.append(name);
        return names.join(QStringLiteral(", "));
    }
    return {};
}

// "Headline | Site", "Headline - Site": the page title without the site's name.
QString withoutSiteName(const QString &title)
{
    for (const QString &sep :
        {QStringLiteral(" | "), QStringLiteral(" \u2013 "), QStringLiteral(" \u2014 "), QStringLiteral(" - ")}) {
        const qsizetype at = title.lastIndexOf(sep);
        if (at > 0 && title.size() - at - sep.size() <= 40 && at >= 15)
            return title.left(at).trimmed();
    }
    return title;
}

} // namespace

ReadResult readHtml(const QString &text)
{
    ReadResult result;
    Parser parser(text);
    parser.run();

    QJsonArray ld;
    for (const QString &json : std::as_const(parser.jsonLd)) {
        const QJsonDocument doc = QJsonDocument::fromJson(json.trimmed().toUtf8());
        if (doc.isObject())
            ld.append(doc.object());
        else if (doc.isArray())
            ld.append(doc.array());
    }
    const QJsonValue ldValue(ld);

    model::Article article;
    const auto metaValue = [&](std::initializer_list<const char *> keys) {
        for (const char *key : keys)
            if (const QString v = parser.meta.value(QString::fromLatin1(key)); !v.isEmpty())
                return v;
        return QString();
    };
    article.title = metaValue({"og:title", "twitter:title"});
    if (article.title.isEmpty())
        article.title = parser.firstH1;
    if (article.title.isEmpty())
        article.title = nameOf(findKey(ldValue, QStringLiteral("headline")));
    if (article.title.isEmpty())
        article.title = withoutSiteName(parser.title.simplified());

    const QString dates[] = {
        metaValue({"article:published_time", "og:published_time", "datepublished"}),
        nameOf(findKey(ldValue, QStringLiteral("datePublished"))),
        parser.firstTime,
        metaValue({"pubdate", "publishdate", "date", "dc.date", "dc.date.issued", "sailthru.date", "parsely-pub-date"}),
    };
    QString unread;
    for (const QString &d : dates) {
        if (d.isEmpty())
            continue;
        const NewsDate parsed = parseNewsDate(d);
        if (parsed.isValid()) {
            article.published = parsed.date;
            break;
        }
        if (unread.isEmpty())
            unread = d;
    }
    if (!article.published.isValid() && !unread.isEmpty())
        result.warnings.append({QString(),
            QStringLiteral("the date \"%1\" is not one Gloss reads; the article has no publication date").arg(unread)});
    article.source = metaValue({"og:site_name", "application-name"});
    if (article.source.isEmpty())
        article.source = nameOf(findKey(ldValue, QStringLiteral("publisher")));
    article.author = metaValue({"author", "article:author", "byl"});
    if (article.author.isEmpty())
        article.author = nameOf(findKey(ldValue, QStringLiteral("author")));
    if (article.author.startsWith(u"By ", Qt::CaseInsensitive))
        article.author = article.author.mid(3).trimmed();
    article.url = metaValue({"og:url"});
    if (article.url.isEmpty())
        article.url = parser.canonical;

    // The article's own paragraphs when the page marks them; else <main>; else the whole body.
    const bool anyArticle
        = std::any_of(parser.blocks.cbegin(), parser.blocks.cend(), [](const Block &b) { return b.inArticle; });
    const bool anyMain
        = std::any_of(parser.blocks.cbegin(), parser.blocks.cend(), [](const Block &b) { return b.inMain; });
    QStringList paragraphs;
    for (const Block &b : std::as_const(parser.blocks)) {
        if ((anyArticle && !b.inArticle) || (!anyArticle && anyMain && !b.inMain))
            continue;
        QString para = b.text;
        // Spaces left at line breaks from <br>.
        para.replace(QStringLiteral(" \n"), QStringLiteral("\n"));
        para.replace(QStringLiteral("\n "), QStringLiteral("\n"));
        paragraphs.append(para);
    }
    article.body = paragraphs.join(QStringLiteral("\n\n"));
    result.articles.append(std::move(article));
    return result;
}

} // namespace gloss::import
