#include "import/decoder.h"

#include <QStringDecoder>

namespace gloss::import {

namespace {

// Windows-1252 bytes 0x80..0x9F. The five bytes the code page leaves undefined map to the C1
// controls of the same value, as browsers do, so that no byte is ever lost or replaced.
constexpr char16_t Cp1252High[32] = {
    0x20AC,
    0x0081,
    0x201A,
    0x0192,
    0x201E,
    0x2026,
    0x2020,
    0x2021,
    0x02C6,
    0x2030,
    0x0160,
    0x2039,
    0x0152,
    0x008D,
    0x017D,
    0x008F,
    0x0090,
    0x2018,
    0x2019,
    0x201C,
    0x201D,
    0x2022,
    0x2013,
    0x2014,
    0x02DC,
    0x2122,
    0x0161,
    0x203A,
    0x0153,
    0x009D,
    0x017E,
    0x0178,
};

QString decodeCp1252(QByteArrayView bytes)
{
    QString out(bytes.size(), Qt::Uninitialized);
    QChar *d = out.data();
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        *d++ = QChar(fromCp1252(b));
    }
    return out;
}

// Decodes strictly: nullopt-like empty result with `failed` set when a sequence is invalid.
QString decodeStrict(QStringConverter::Encoding encoding, QByteArrayView bytes, bool &failed)
{
    QStringDecoder decoder(encoding, QStringConverter::Flag::Stateless | QStringConverter::Flag::ConvertInitialBom);
    QString text = decoder.decode(bytes);
    failed = decoder.hasError();
    return text;
}

// A surrogate without its partner: bytes that are not text, whatever the decoder let through.
bool hasLoneSurrogate(const QString &text)
{
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate()) {
            if (i + 1 >= n || !text.at(i + 1).isLowSurrogate())
                return true;
            ++i;
        } else if (c.isLowSurrogate()) {
            return true;
        }
    }
    return false;
}

// A NUL past the binary probe: text with a NUL is not text a reader can show or SQLite can
// measure (its length() stops at the first NUL), so the file is refused, naming the line.
QString nulError(const QString &text)
{
    const qsizetype at = text.indexOf(QChar(0));
    if (at < 0)
        return {};
    const qsizetype line = QStringView(text).first(at).count(u'\n') + 1;
    return QStringLiteral("binary data in a text file (a NUL character on line %1)").arg(line);
}

struct Bom
{
    QByteArrayView bytes;
    QStringConverter::Encoding encoding;
    const char *name;
};

} // namespace

char16_t fromCp1252(uchar byte)
{
    return (byte >= 0x80 && byte < 0xA0) ? Cp1252High[byte - 0x80] : char16_t(byte);
}

QString normalizeLineEnds(QString text)
{
    if (!text.contains(u'\r'))
        return text;
    QString out;
    out.reserve(text.size());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (c == u'\r') {
            out.append(u'\n');
            if (i + 1 < n && text.at(i + 1) == u'\n')
                ++i;
        } else {
            out.append(c);
        }
    }
    return out;
}

DecodedText decodeText(const QByteArray &bytes)
{
    DecodedText result;
    if (bytes.isEmpty()) {
        result.error = QStringLiteral("empty file");
        return result;
    }
    // UTF-32 first: its little-endian BOM begins with UTF-16LE's.
    static const Bom boms[] = {
        {QByteArrayView("\x00\x00\xFE\xFF", 4), QStringConverter::Utf32BE, "UTF-32BE"},
        {QByteArrayView("\xFF\xFE\x00\x00", 4), QStringConverter::Utf32LE, "UTF-32LE"},
        {QByteArrayView("\xEF\xBB\xBF", 3), QStringConverter::Utf8, "UTF-8"},
        {QByteArrayView("\xFE\xFF", 2), QStringConverter::Utf16BE, "UTF-16BE"},
        {QByteArrayView("\xFF\xFE", 2), QStringConverter::Utf16LE, "UTF-16LE"},
    };
    for (const Bom &bom : boms) {
        if (!bytes.startsWith(bom.bytes))
            continue;
        const QByteArrayView rest = QByteArrayView(bytes).sliced(bom.bytes.size());
        bool failed = false;
        QString text = decodeStrict(bom.encoding, rest, failed);
        result.encoding = QString::fromLatin1(bom.name);
        const int unit = bom.encoding == QStringConverter::Utf16LE || bom.encoding == QStringConverter::Utf16BE ? 2
            : bom.encoding == QStringConverter::Utf8                                                            ? 1
                                                                                                                : 4;
        if (failed || rest.size() % unit != 0 || hasLoneSurrogate(text)) {
            result.error = QStringLiteral("not valid %1 after its byte order mark").arg(result.encoding);
            return result;
        }
        if (text.left(BinaryProbeBytes).contains(QChar(0))) {
            result.error = QStringLiteral("binary file (NUL bytes near the start)");
            return result;
        }
        if (text.isEmpty()) {
            result.error = QStringLiteral("empty file");
            return result;
        }
        result.error = nulError(text);
        if (!result.ok())
            return result;
        result.text = normalizeLineEnds(std::move(text));
        return result;
    }
    if (QByteArrayView(bytes).first(std::min(bytes.size(), BinaryProbeBytes)).contains('\0')) {
        result.error = QStringLiteral("binary file (NUL bytes near the start)");
        return result;
    }
    bool failed = false;
    QString text = decodeStrict(QStringConverter::Utf8, bytes, failed);
    if (failed) {
        result.encoding = QStringLiteral("Windows-1252");
        result.warning = QStringLiteral("decoded as Windows-1252 (not valid UTF-8)");
        text = decodeCp1252(bytes);
    } else {
        result.encoding = QStringLiteral("UTF-8");
    }
    result.error = nulError(text);
    if (!result.ok()) {
        result.warning.clear();
        return result;
    }
    result.text = normalizeLineEnds(std::move(text));
    return result;
}

} // namespace gloss::import
