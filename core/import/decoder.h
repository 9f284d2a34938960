#pragma once

#include <QByteArray>
#include <QString>

namespace gloss::import {

// Turns the bytes of a file into the canonical body text (DESIGN.md, "Text and offsets"): UTF-8,
// or UTF-8/16/32 by their byte order mark, or Windows-1252 when strict UTF-8 fails; the BOM
// dropped; CRLF and CR turned into LF. Never inserts U+FFFD: bytes that cannot be decoded are a
// refusal, not a replacement character.
struct DecodedText
{
    QString text;
    QString encoding; // "UTF-8", "UTF-16LE", "Windows-1252", ...
    QString warning; // e.g. "decoded as Windows-1252"; empty when nothing to say
    QString error; // set when the bytes are refused; `text` is then empty
    bool ok() const { return error.isEmpty(); }
};

// How many leading bytes are searched for NUL bytes to tell binary files apart.
inline constexpr qsizetype BinaryProbeBytes = 8192;

DecodedText decodeText(const QByteArray &bytes);

// CRLF and lone CR become LF.
QString normalizeLineEnds(QString text);

// The character a Windows-1252 byte stands for (bytes 0x80–0x9F as Windows-1252, the rest as
// Latin-1); HTML reads numeric references in that range the same way.
char16_t fromCp1252(uchar byte);

} // namespace gloss::import
