#include "import/notarticle.h"

#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QStringList>

#include <string_view>

namespace gloss::import {

namespace {

bool startsWith(const QByteArray &head, const char *magic, qsizetype at = 0)
{
    const QByteArrayView m(magic);
    return head.size() >= at + m.size() && QByteArrayView(head).sliced(at, m.size()) == m;
}

// Formats a reader takes although their bytes are not text: DOCX, ODT, RTF, PDF.
bool isReadableDocument(const QString &ext, const QByteArray &head)
{
    if (startsWith(head, "%PDF-") || startsWith(head, "{\\rtf"))
        return true;
    if (startsWith(head, "PK\x03\x04"))
        return ext == u"docx" || ext == u"odt" || head.contains("word/")
            || head.contains("application/vnd.oasis.opendocument.text");
    return false;
}

// Bytes no text file holds: NUL and the control characters other than tab, line ends, form feed
// and escape. A magic number counts only beside them (a text may open with "MZ" or "BM").
bool hasBinaryBytes(const QByteArray &head)
{
    for (const char c : head) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x09 || (u > 0x0d && u < 0x20 && u != 0x1b))
            return true;
    }
    return false;
}

// Magic numbers of binary formats that are not articles.
QString binaryKind(const QByteArray &head)
{
    using namespace std::string_view_literals;
    struct Magic
    {
        std::string_view bytes;
        qsizetype at;
        const char *kind;
    };
    static const Magic magics[] = {
        {"\x89PNG\r\n\x1a\n"sv, 0, "a PNG image"},
        {"\xff\xd8\xff"sv, 0, "a JPEG image"},
        {"GIF87a"sv, 0, "a GIF image"},
        {"GIF89a"sv, 0, "a GIF image"},
        {"BM"sv, 0, "a BMP image"},
        {"II*\x00"sv, 0, "a TIFF image"},
        {"MM\x00*"sv, 0, "a TIFF image"},
        {"\x00\x00\x01\x00"sv, 0, "an icon"},
        {"8BPS"sv, 0, "a Photoshop image"},
        {"PK\x03\x04"sv, 0, "a ZIP archive"},
        {"PK\x05\x06"sv, 0, "a ZIP archive"},
        {"\x1f\x8b"sv, 0, "a gzip archive"},
        {"BZh"sv, 0, "a bzip2 archive"},
        {"\xfd"
         "7zXZ\x00"sv,
            0, "an xz archive"},
        {"7z\xbc\xaf\x27\x1c"sv, 0, "a 7-Zip archive"},
        {"Rar!\x1a\x07"sv, 0, "a RAR archive"},
        {"\x28\xb5\x2f\xfd"sv, 0, "a Zstandard archive"},
        {"ustar"sv, 257, "a tar archive"},
        {"\x7f"
         "ELF"sv,
            0, "a program"},
        {"MZ"sv, 0, "a Windows program"},
        {"\xcf\xfa\xed\xfe"sv, 0, "a program"},
        {"\xca\xfe\xba\xbe"sv, 0, "a Java class or program"},
        {"\x00"
         "asm"sv,
            0, "a WebAssembly module"},
        {"wOFF"sv, 0, "a web font"},
        {"wOF2"sv, 0, "a web font"},
        {"\x00\x01\x00\x00\x00"sv, 0, "a font"},
        {"OTTO"sv, 0, "a font"},
        {"ID3"sv, 0, "an audio file"},
        {"OggS"sv, 0, "an audio or video file"},
        {"fLaC"sv, 0, "an audio file"},
        {"\x1a\x45\xdf\xa3"sv, 0, "a video file"},
        {"ftyp"sv, 4, "a video file"},
        {"RIFF"sv, 0, "an audio or video file"},
        {"SQLite format 3\x00"sv, 0, "an SQLite database"},
        {"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"sv, 0, "an old Office document (not read: save it as DOCX)"},
    };
    if (!hasBinaryBytes(head))
        return {};
    for (const Magic &m : magics) {
        const QByteArrayView bytes(m.bytes.data(), qsizetype(m.bytes.size()));
        if (head.size() >= m.at + bytes.size() && QByteArrayView(head).sliced(m.at, bytes.size()) == bytes) {
            if (bytes == QByteArrayView("RIFF") && startsWith(head, "WEBP", 8))
                return QStringLiteral("a WebP image");
            return QString::fromLatin1(m.kind);
        }
    }
    return {}; // the decoder says what else it is (UTF-16 text holds NULs too)
}

// The share of lines among the first non-blank ones that look like code. Prose rarely ends a
// line with ';', '{' or '}', or opens one with a keyword of a programming language.
double codeShare(const QString &text, int &lines)
{
    static const QRegularExpression keyword(QStringLiteral(
        "^\\s*(?:#include\\s*[<\"]|#define\\s|#ifn?def\\s|#endif|#pragma\\s|import\\s+[\\w.{*]+;?\\s*$|"
        "from\\s+[\\w.]+\\s+import\\s|def\\s+\\w+\\s*\\(|class\\s+\\w+[\\s:({]|public\\s+(?:class|static|void)|"
        "package\\s+[\\w.]+;?\\s*$|using\\s+namespace\\s|namespace\\s+\\w+\\s*\\{|fn\\s+\\w+\\s*\\(|"
        "func\\s+\\w+\\s*\\(|function\\s*\\w*\\s*\\(|(?:const|let|var)\\s+\\w+\\s*=|return\\b.*;\\s*$|"
        "if\\s*\\(.*\\)\\s*\\{?\\s*$|for\\s*\\(.*\\)\\s*\\{?\\s*$|while\\s*\\(.*\\)|\\}\\s*else|"
        "(?://|/\\*|\\*/|\\* )|<\\?php|require\\s*\\(|module\\.exports|export\\s+(?:default|const|function))"));
    int code = 0;
    lines = 0;
    for (const QStringView line : QStringView(text).split(u'\n')) {
        const QStringView t = line.trimmed();
        if (t.isEmpty())
            continue;
        if (++lines > 200)
            break;
        if (t.endsWith(u';') || t.endsWith(u'{') || t == u"}" || t == u"};" || t.endsWith(u"});")
            || keyword.match(line).hasMatch())
            ++code;
    }
    return lines == 0 ? 0 : double(code) / lines;
}

// A style sheet: rules of selectors and braced declarations, and little else.
bool looksLikeCss(const QString &text)
{
    static const QRegularExpression rule(
        QStringLiteral("(?:^|[}\\s])[@.#:\\w\\-\\[\\]=\"'*>+~, ()]{1,200}\\{[^{}]*:[^{}]*\\}"));
    static const QRegularExpression comments(
        QStringLiteral("/\\*.*?\\*/"), QRegularExpression::DotMatchesEverythingOption);
    QString t = text;
    t.remove(comments);
    t = t.trimmed();
    if (t.isEmpty() || t.startsWith(u'<') || t.startsWith(u'{') || t.startsWith(u'['))
        return false;
    qsizetype covered = 0;
    int rules = 0;
    for (auto it = rule.globalMatch(t); it.hasNext();) {
        const auto m = it.next();
        covered += m.capturedLength();
        ++rules;
    }
    return rules >= 1 && covered >= t.size() * 0.7;
}

// Names and extensions of files that are not articles, for when the content does not say.
QString kindByName(const QString &fileName)
{
    const QFileInfo info(fileName);
    const QString name = info.fileName().toLower();
    static const QHash<QString, QString> names = {
        {QStringLiteral("cmakelists.txt"), QStringLiteral("a CMake build file")},
        {QStringLiteral("makefile"), QStringLiteral("a Makefile")},
        {QStringLiteral("gnumakefile"), QStringLiteral("a Makefile")},
        {QStringLiteral("dockerfile"), QStringLiteral("a Dockerfile")},
        {QStringLiteral("meson.build"), QStringLiteral("a Meson build file")},
        {QStringLiteral("build.gradle"), QStringLiteral("a Gradle build file")},
        {QStringLiteral("pom.xml"), QStringLiteral("a Maven build file")},
        {QStringLiteral("package.json"), QStringLiteral("an npm package file")},
        {QStringLiteral("package-lock.json"), QStringLiteral("an npm package file")},
        {QStringLiteral("cargo.toml"), QStringLiteral("a Cargo build file")},
        {QStringLiteral("cargo.lock"), QStringLiteral("a Cargo build file")},
        {QStringLiteral("configure.ac"), QStringLiteral("an Autoconf build file")},
        {QStringLiteral("requirements.txt"), QStringLiteral("a Python requirements file")},
    };
    if (const auto it = names.constFind(name); it != names.constEnd())
        return *it;
    const QString ext = info.suffix().toLower();
    static const QHash<QString, QString> extensions = {
        {QStringLiteral("svg"), QStringLiteral("an SVG image")},
        {QStringLiteral("css"), QStringLiteral("a CSS style sheet")},
        {QStringLiteral("scss"), QStringLiteral("a Sass style sheet")},
        {QStringLiteral("less"), QStringLiteral("a Less style sheet")},
        {QStringLiteral("c"), QStringLiteral("C source code")},
        {QStringLiteral("h"), QStringLiteral("C or C++ source code")},
        {QStringLiteral("cpp"), QStringLiteral("C++ source code")},
        {QStringLiteral("cc"), QStringLiteral("C++ source code")},
        {QStringLiteral("cxx"), QStringLiteral("C++ source code")},
        {QStringLiteral("hpp"), QStringLiteral("C++ source code")},
        {QStringLiteral("py"), QStringLiteral("Python source code")},
        {QStringLiteral("js"), QStringLiteral("JavaScript source code")},
        {QStringLiteral("mjs"), QStringLiteral("JavaScript source code")},
        {QStringLiteral("ts"), QStringLiteral("TypeScript source code")},
        {QStringLiteral("java"), QStringLiteral("Java source code")},
        {QStringLiteral("go"), QStringLiteral("Go source code")},
        {QStringLiteral("rs"), QStringLiteral("Rust source code")},
        {QStringLiteral("rb"), QStringLiteral("Ruby source code")},
        {QStringLiteral("php"), QStringLiteral("PHP source code")},
        {QStringLiteral("sh"), QStringLiteral("a shell script")},
        {QStringLiteral("bat"), QStringLiteral("a batch script")},
        {QStringLiteral("ps1"), QStringLiteral("a PowerShell script")},
        {QStringLiteral("pl"), QStringLiteral("Perl source code")},
        {QStringLiteral("swift"), QStringLiteral("Swift source code")},
        {QStringLiteral("kt"), QStringLiteral("Kotlin source code")},
        {QStringLiteral("cs"), QStringLiteral("C# source code")},
        {QStringLiteral("lua"), QStringLiteral("Lua source code")},
        {QStringLiteral("sql"), QStringLiteral("SQL")},
        {QStringLiteral("cmake"), QStringLiteral("a CMake build file")},
        {QStringLiteral("mk"), QStringLiteral("a Makefile")},
        {QStringLiteral("ninja"), QStringLiteral("a Ninja build file")},
        {QStringLiteral("yaml"), QStringLiteral("a YAML configuration file")},
        {QStringLiteral("yml"), QStringLiteral("a YAML configuration file")},
        {QStringLiteral("toml"), QStringLiteral("a TOML configuration file")},
        {QStringLiteral("ini"), QStringLiteral("a configuration file")},
        {QStringLiteral("cfg"), QStringLiteral("a configuration file")},
        {QStringLiteral("conf"), QStringLiteral("a configuration file")},
        {QStringLiteral("lock"), QStringLiteral("a lock file")},
        {QStringLiteral("log"), QStringLiteral("a log file")},
        {QStringLiteral("diff"), QStringLiteral("a patch")},
        {QStringLiteral("patch"), QStringLiteral("a patch")},
        {QStringLiteral("ui"), QStringLiteral("a Qt Designer form")},
        {QStringLiteral("qrc"), QStringLiteral("a Qt resource file")},
        {QStringLiteral("pro"), QStringLiteral("a qmake project file")},
    };
    return extensions.value(ext);
}

} // namespace

QString notArticleKind(const QString &fileName, const QByteArray &head)
{
    const QString ext = QFileInfo(fileName).suffix().toLower();
    if (isReadableDocument(ext, head))
        return {};
    // What the content says first.
    if (QString kind = binaryKind(head); !kind.isEmpty())
        return kind;
    if (head.isEmpty())
        return {}; // an empty file is refused by the reader as empty
    QString text = QString::fromUtf8(head.left(NotArticleHeadBytes));
    if (text.startsWith(u'\uFEFF'))
        text.remove(0, 1);
    const QStringView start = QStringView(text).trimmed();
    if (start.startsWith(u"#!"))
        return QStringLiteral("a script");
    static const QRegularExpression svg(
        QStringLiteral("^(?:<\\?xml[^>]*>\\s*)?(?:<!--.*?-->\\s*)*(?:<!DOCTYPE svg[^>]*>\\s*)?<svg[\\s>]"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    if (svg.match(start).hasMatch())
        return QStringLiteral("an SVG image");
    if (start.startsWith(u"<?xml") && !start.contains(u"<html", Qt::CaseInsensitive)) {
        const QString byName = kindByName(fileName);
        return byName.isEmpty() ? QStringLiteral("XML data") : byName;
    }
    if (looksLikeCss(text))
        return QStringLiteral("a CSS style sheet");
    if (start.startsWith(u"cmake_minimum_required", Qt::CaseInsensitive)
        || start.startsWith(u"project(", Qt::CaseInsensitive))
        return QStringLiteral("a CMake build file");
    const bool markup = start.startsWith(u'<') || start.startsWith(u'{') || start.startsWith(u'[');
    // Corpora of articles in CSV or JSON are data whose lines may end like code.
    const bool corpus = ext == u"csv" || ext == u"tsv" || ext == u"json" || ext == u"jsonl" || ext == u"ndjson";
    int lines = 0;
    if (!markup && !corpus && codeShare(text, lines) >= 0.5 && lines >= 3) {
        const QString byName = kindByName(fileName);
        return byName.isEmpty() ? QStringLiteral("source code") : byName;
    }
    // Then the name.
    return kindByName(fileName);
}

} // namespace gloss::import
