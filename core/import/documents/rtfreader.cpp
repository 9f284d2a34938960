// RTF: a parser of our own. Debian 12 has no library that reads RTF into text for a C++ program
// without a toolkit (librtf is absent; unrtf is a program, not a library, and writes HTML; Qt's
// rich text does not read RTF), and the part of RTF that carries text is small: groups, control
// words, \uN with \ucN, \'hh in the document's or the font's code page.
#include "import/decoder.h"
#include "import/documents/documentreaders.h"

#include <QHash>
#include <QStringDecoder>

#include <algorithm>
#include <iterator>
#include <string_view>

namespace gloss::import::documents {

namespace {

// Destinations whose content is not text: tables of fonts, colours, styles and lists, pictures,
// objects, headers and footers (running heads), field instructions, and what Word keeps for itself.
bool skippedDestination(QByteArrayView word)
{
    static constexpr std::string_view names[] = {"fonttbl", "colortbl", "stylesheet", "listtable", "listoverridetable",
        "revtbl", "rsidtbl", "generator", "pict", "object", "objdata", "header", "headerl", "headerr", "headerf",
        "footer", "footerl", "footerr", "footerf", "fldinst", "themedata", "colorschememapping", "datastore",
        "latentstyles", "xmlnstbl", "mmathPr", "filetbl", "pgdsctbl", "xe", "tc", "nonshppict", "private", "docvar",
        "template", "userprops", "annotation", "atnid", "atnauthor", "bkmkstart"};
    const std::string_view w(word.data(), size_t(word.size()));
    return std::find(std::begin(names), std::end(names), w) != std::end(names);
}

// The Windows code page of a font's \fcharset.
int codePageOfCharset(int charset)
{
    switch (charset) {
    case 0:
        return 1252;
    case 77:
        return 10000;
    case 128:
        return 932;
    case 129:
        return 949;
    case 134:
        return 936;
    case 136:
        return 950;
    case 161:
        return 1253;
    case 162:
        return 1254;
    case 163:
        return 1258;
    case 177:
        return 1255;
    case 178:
        return 1256;
    case 186:
        return 1257;
    case 204:
        return 1251;
    case 222:
        return 874;
    case 238:
        return 1250;
    default:
        return 0; // the document's code page
    }
}

QByteArray codecName(int codePage)
{
    switch (codePage) {
    case 932:
        return "Shift_JIS";
    case 936:
        return "GBK";
    case 949:
        return "EUC-KR";
    case 950:
        return "Big5";
    case 10000:
        return "macintosh";
    case 437:
        return "IBM437";
    case 850:
        return "IBM850";
    default:
        return "windows-" + QByteArray::number(codePage);
    }
}

enum class Target { Body, Note, Title, Author, Created, Modified, None };

struct Group
{
    bool skip = false; // an ignored destination
    int uc = 1; // characters that stand for a \uN to skip
    int codePage = 0; // 0: the document's
    Target target = Target::Body;
    bool fontTable = false;
};

class RtfParser
{
public:
    explicit RtfParser(const QByteArray &bytes)
        : m_in(bytes)
    { }

    DocumentParts parse();

private:
    void controlWord(QByteArrayView word, bool hasParam, int param);
    void text(char16_t c);
    void byte(char b);
    void flushBytes();
    void endParagraph();
    void flushTable();
    QString &targetText();

    const QByteArray &m_in;
    QList<Group> m_groups;
    int m_documentCodePage = 1252;
    QHash<int, int> m_fontCodePages;
    int m_definingFont = -1;
    QByteArray m_bytes; // undecoded bytes of the current code page
    int m_bytesCodePage = 1252;
    int m_skipChars = 0; // after a \uN
    QString m_paragraph;
    QStringList m_blocks;
    QStringList m_cells;
    QStringList m_rows;
    bool m_inTable = false;
    QString m_note;
    QStringList m_notes;
    QString m_title, m_author;
    struct Stamp
    {
        int yr = 0, mo = 1, dy = 1, hr = 0, min = 0;
    };
    Stamp m_created, m_modified;
    bool m_hasCreated = false, m_hasModified = false;
    QString m_scratch; // the text of targets that are not kept
    QStringList m_unknownCodePages;
};

QString &RtfParser::targetText()
{
    switch (m_groups.last().target) {
    case Target::Body:
        return m_paragraph;
    case Target::Note:
        return m_note;
    case Target::Title:
        return m_title;
    case Target::Author:
        return m_author;
    default:
        m_scratch.clear();
        return m_scratch;
    }
}

void RtfParser::flushBytes()
{
    if (m_bytes.isEmpty())
        return;
    QString decoded;
    if (m_bytesCodePage == 1252 || m_bytesCodePage == 0) {
        for (const char b : std::as_const(m_bytes))
            decoded.append(QChar(fromCp1252(uchar(b))));
    } else if (m_bytesCodePage == 65001) {
        decoded = QString::fromUtf8(m_bytes);
    } else {
        QStringDecoder decoder(codecName(m_bytesCodePage).constData());
        if (decoder.isValid()) {
            decoded = decoder.decode(m_bytes);
        } else {
            const QString page = QString::number(m_bytesCodePage);
            if (!m_unknownCodePages.contains(page))
                m_unknownCodePages.append(page);
            for (const char b : std::as_const(m_bytes))
                decoded.append(QChar(fromCp1252(uchar(b))));
        }
    }
    m_bytes.clear();
    targetText().append(decoded);
}

void RtfParser::byte(char b)
{
    const Group &g = m_groups.last();
    if (g.skip || (uchar(b) < 0x20 && b != '\t'))
        return; // a control character (\'00, \'07): in no code page a character of text
    const int page = g.codePage ? g.codePage : m_documentCodePage;
    if (page != m_bytesCodePage)
        flushBytes();
    m_bytesCodePage = page;
    if (uchar(b) < 0x80 && m_bytes.isEmpty()) {
        targetText().append(QChar(char16_t(uchar(b))));
        return;
    }
    m_bytes.append(b);
}

void RtfParser::text(char16_t c)
{
    if (m_groups.last().skip || (c < 0x20 && c != u'\t' && c != u'\n'))
        return; // \u0 or \u7: a control character is no text (\line is a line break)
    flushBytes();
    targetText().append(QChar(c));
}

void RtfParser::flushTable()
{
    // Cells after the last \row (a table cut short) are a row too.
    if (!m_cells.isEmpty()) {
        m_rows.append(m_cells.join(u'\t'));
        m_cells.clear();
    }
    if (!m_rows.isEmpty())
        m_blocks.append(m_rows.join(u'\n'));
    m_rows.clear();
}

void RtfParser::endParagraph()
{
    flushBytes();
    if (m_inTable) {
        m_paragraph.append(u' '); // a paragraph inside a cell
        return;
    }
    flushTable();
    m_blocks.append(m_paragraph.trimmed());
    m_paragraph.clear();
}

void RtfParser::controlWord(QByteArrayView word, bool hasParam, int param)
{
    Group &g = m_groups.last();
    if (g.fontTable) {
        if (word == "f" && hasParam)
            m_definingFont = param;
        else if (word == "fcharset" && m_definingFont >= 0 && codePageOfCharset(param))
            m_fontCodePages.insert(m_definingFont, codePageOfCharset(param));
        else if (word == "cpg" && m_definingFont >= 0 && param > 0)
            m_fontCodePages.insert(m_definingFont, param);
        return;
    }
    if (word == "fonttbl") {
        g.fontTable = true;
        g.skip = true;
        return;
    }
    if (word == "info") {
        g.target = Target::None; // what is not asked for below is not kept
        return;
    }
    // The properties of \info.
    if (word == "title" || word == "author" || word == "creatim" || word == "revtim") {
        g.target = word == "title" ? Target::Title
            : word == "author"     ? Target::Author
            : word == "creatim"    ? Target::Created
                                   : Target::Modified;
        if (g.target == Target::Title)
            m_title.clear();
        if (g.target == Target::Author)
            m_author.clear();
        if (g.target == Target::Created)
            m_hasCreated = true;
        if (g.target == Target::Modified)
            m_hasModified = true;
        return;
    }
    if (g.target == Target::Created || g.target == Target::Modified) {
        Stamp &s = g.target == Target::Created ? m_created : m_modified;
        if (word == "yr")
            s.yr = param;
        else if (word == "mo")
            s.mo = param;
        else if (word == "dy")
            s.dy = param;
        else if (word == "hr")
            s.hr = param;
        else if (word == "min")
            s.min = param;
        return;
    }
    if (g.target == Target::None && word != "bin")
        return;
    if (word == "footnote") {
        flushBytes();
        g.target = Target::Note;
        m_note.clear();
        return;
    }
    if (skippedDestination(word)) {
        g.skip = true;
        return;
    }
    if (word == "ansicpg") {
        m_documentCodePage = param > 0 ? param : 1252;
    } else if (word == "mac") {
        m_documentCodePage = 10000;
    } else if (word == "pc") {
        m_documentCodePage = 437;
    } else if (word == "pca") {
        m_documentCodePage = 850;
    } else if (word == "f") {
        g.codePage = m_fontCodePages.value(param, 0);
    } else if (word == "uc") {
        g.uc = std::clamp(param, 0, 10);
    } else if (word == "u") {
        text(char16_t(param < 0 ? param + 65536 : param));
        m_skipChars = g.uc;
    } else if (word == "par" || word == "page" || word == "sect") {
        if (g.target == Target::Body)
            endParagraph();
        else if (!g.skip)
            targetText().append(u' ');
    } else if (word == "pard") {
        m_inTable = false;
    } else if (word == "intbl") {
        m_inTable = true;
    } else if (word == "cell" || word == "nestcell") {
        flushBytes();
        if (word == "cell" && g.target == Target::Body) {
            m_cells.append(m_paragraph.trimmed());
            m_paragraph.clear();
        } else {
            targetText().append(u' ');
        }
    } else if (word == "row") {
        flushBytes();
        if (g.target == Target::Body) {
            if (!m_paragraph.trimmed().isEmpty())
                m_cells.append(m_paragraph.trimmed());
            m_paragraph.clear();
            while (!m_cells.isEmpty() && m_cells.last().isEmpty())
                m_cells.removeLast();
            if (!m_cells.isEmpty())
                m_rows.append(m_cells.join(u'\t'));
            m_cells.clear();
        }
    } else if (word == "line") {
        text(u'\n');
    } else if (word == "tab") {
        text(u'\t');
    } else if (word == "emdash") {
        text(u'\u2014');
    } else if (word == "endash") {
        text(u'\u2013');
    } else if (word == "bullet") {
        text(u'\u2022');
    } else if (word == "lquote") {
        text(u'\u2018');
    } else if (word == "rquote") {
        text(u'\u2019');
    } else if (word == "ldblquote") {
        text(u'\u201C');
    } else if (word == "rdblquote") {
        text(u'\u201D');
    } else if (word == "emspace" || word == "enspace" || word == "qmspace") {
        text(u' ');
    }
}

DocumentParts RtfParser::parse()
{
    DocumentParts parts;
    if (!m_in.startsWith("{\\rtf")) {
        parts.error = QStringLiteral("not an RTF file (it does not start with {\\rtf)");
        return parts;
    }
    constexpr qsizetype MaxDepth = 10000;
    m_groups.append(Group{});
    m_groups.last().target = Target::None; // outside the document's group
    const qsizetype n = m_in.size();
    qsizetype i = 0;
    bool ended = false;
    while (i < n && !ended) {
        const char c = m_in.at(i);
        if (c == '{') {
            ++i;
            flushBytes();
            if (m_groups.size() >= MaxDepth) {
                parts.error = QStringLiteral("groups nested more than %1 deep").arg(MaxDepth);
                return parts;
            }
            m_skipChars = 0;
            Group inner = m_groups.last();
            inner.fontTable = false;
            if (m_groups.size() == 1)
                inner.target = Target::Body;
            m_groups.append(inner);
            // An ignorable destination: skipped unless it is one we read.
            if (i + 1 < n && m_in.at(i) == '\\' && m_in.at(i + 1) == '*') {
                i += 2;
                m_groups.last().skip = true;
            }
            if (m_groups.at(m_groups.size() - 2).fontTable)
                m_groups.last().fontTable = true; // a font's own group
            continue;
        }
        if (c == '}') {
            ++i;
            m_skipChars = 0;
            flushBytes();
            const Target target = m_groups.last().target;
            if (target == Target::Note && m_groups.at(m_groups.size() - 2).target != Target::Note) {
                const QString note = m_note.simplified();
                if (!note.isEmpty()) {
                    const QString mark = QStringLiteral("[%1]").arg(m_notes.size() + 1);
                    m_paragraph.append(mark);
                    m_notes.append(mark + u' ' + note);
                }
                m_note.clear();
            }
            m_groups.removeLast();
            if (m_groups.size() == 1)
                ended = true; // the document's group is closed: what follows is not part of it
            continue;
        }
        if (c == '\\') {
            ++i;
            if (i >= n)
                break;
            const char d = m_in.at(i);
            if ((d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z')) {
                const qsizetype start = i;
                while (i < n && i - start < 32
                    && ((m_in.at(i) >= 'a' && m_in.at(i) <= 'z') || (m_in.at(i) >= 'A' && m_in.at(i) <= 'Z')))
                    ++i;
                const QByteArrayView word(m_in.constData() + start, i - start);
                bool hasParam = false;
                bool negative = false;
                qint64 param = 0;
                if (i < n && m_in.at(i) == '-') {
                    negative = true;
                    ++i;
                }
                while (i < n && m_in.at(i) >= '0' && m_in.at(i) <= '9') {
                    if (param < 1'000'000'000)
                        param = param * 10 + (m_in.at(i) - '0');
                    hasParam = true;
                    ++i;
                }
                if (negative)
                    param = -param;
                if (i < n && m_in.at(i) == ' ')
                    ++i;
                if (word == "bin") {
                    // Binary data of `param` bytes: skipped whole.
                    i += std::clamp<qint64>(param, 0, n - i);
                    continue;
                }
                if (m_skipChars > 0 && word != "u") {
                    --m_skipChars;
                    continue;
                }
                controlWord(word, hasParam, int(std::clamp<qint64>(param, -65536, 1'000'000'000)));
                continue;
            }
            ++i;
            if (d == '\'') {
                bool ok = false;
                const int value = i + 2 <= n ? QByteArrayView(m_in.constData() + i, 2).toInt(&ok, 16) : 0;
                i += ok ? 2 : 0;
                if (m_skipChars > 0) {
                    --m_skipChars;
                    continue;
                }
                if (ok)
                    byte(char(value));
                continue;
            }
            if (m_skipChars > 0) {
                --m_skipChars;
                continue;
            }
            if (d == '\\' || d == '{' || d == '}')
                byte(d);
            else if (d == '~')
                text(u'\u00A0');
            else if (d == '_')
                text(u'\u2011');
            else if ((d == '\n' || d == '\r') && m_groups.last().target == Target::Body && !m_groups.last().skip)
                endParagraph();
            continue; // \- (an optional hyphen), \*, \| and \: say nothing of the text
        }
        ++i;
        if (c == '\r' || c == '\n')
            continue;
        if (m_skipChars > 0) {
            --m_skipChars;
            continue;
        }
        if (c == '\t')
            text(u'\t');
        else if (uchar(c) >= 0x20)
            byte(c);
    }
    flushBytes();
    if (!m_paragraph.trimmed().isEmpty() || !m_rows.isEmpty() || !m_cells.isEmpty()) {
        m_inTable = false;
        endParagraph();
    }
    if (!ended)
        parts.warning = QStringLiteral("the RTF ends before its last group is closed (truncated?)");
    if (!m_unknownCodePages.isEmpty())
        parts.warning
            = QStringLiteral("code page %1 not known: read as Windows-1252").arg(m_unknownCodePages.join(u", "));
    parts.text = joinBlocks(m_blocks, m_notes);
    parts.title = m_title.simplified();
    parts.author = m_author.simplified();
    const auto stamp = [](const Stamp &s) { return QDateTime(QDate(s.yr, s.mo, s.dy), QTime(s.hr, s.min)); };
    if (m_hasCreated && m_created.yr > 0)
        parts.created = stamp(m_created);
    if (m_hasModified && m_modified.yr > 0)
        parts.modified = stamp(m_modified);
    return parts;
}

} // namespace

DocumentParts readRtf(const QByteArray &bytes)
{
    return RtfParser(bytes).parse();
}

} // namespace gloss::import::documents
