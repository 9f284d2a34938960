#pragma once
// Shared by the fuzz targets: turning the fuzzer's bytes into what each function takes.
#include "import/decoder.h"
#include "import/documents/documents.h"
#include "import/reader.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace gloss::fuzz {

inline QByteArray bytesOf(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

// The bytes decoded as the importer decodes a file; empty (and ok == false) when it refuses them.
inline QString decoded(const uint8_t *data, size_t size, bool &ok)
{
    const import::DecodedText text = import::decodeText(bytesOf(data, size));
    ok = text.ok();
    return text.text;
}

// The bytes as UTF-8, invalid sequences replaced, for functions that take any string.
inline QString anyText(const uint8_t *data, size_t size)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

// A broken contract: says which, with the text involved, and stops as a crash would.
[[noreturn]] inline void fail(const char *what, const QString &detail = {})
{
    std::fprintf(stderr, "contract broken: %s: %s\n", what, qPrintable(detail.left(300)));
    std::abort();
}

// The reader targets: the bytes decoded as the importer decodes a file, read in `format`, and the
// checks every reader's articles get.
inline int readAndCheck(import::Format format, const uint8_t *data, size_t size)
{
    bool ok = false;
    const QString text = decoded(data, size, ok);
    if (!ok)
        return 0;
    const import::ReadResult result = import::readArticles(format, text);
    for (const model::Article &article : result.articles)
        if (article.body.trimmed().isEmpty())
            fail("an article without a body", article.title);
        else if (article.datelineEnd < 0 || article.datelineEnd > article.body.size())
            fail("a dateline outside the body", article.body);
    return 0;
}

// The document targets: what a document reader made of the bytes, read on as the importer reads
// it (the text in the format documentTextFormat picks), with the checks every reader's articles get.
inline int checkDocument(const import::DocumentParts &parts, const QString &fileName)
{
    if (!parts.ok())
        return 0;
    if (parts.text.contains(u'\0'))
        fail("a NUL character in a document's text", parts.text);
    const QString text = import::normalizeLineEnds(parts.text);
    const import::ReadResult result = import::readArticles(import::documentTextFormat(fileName, text), text);
    for (const model::Article &article : result.articles)
        if (article.body.trimmed().isEmpty())
            fail("an article without a body", article.title);
        else if (article.datelineEnd < 0 || article.datelineEnd > article.body.size())
            fail("a dateline outside the body", article.body);
    return 0;
}

} // namespace gloss::fuzz
