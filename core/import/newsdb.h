#pragma once

#include "import/reader.h"

#include <QDate>
#include <QString>

namespace gloss::import {

// Exports of the news databases, many articles to a file: LexisNexis (the classic "1 of 250
// DOCUMENTS" text, and the text of Nexis Uni / Lexis Advance exports, "End of Document" after each
// article), ProQuest ("Document 1 of 25", `Field: value`, "Full text:") and Factiva (the HD/BY/WC/
// PD/SN/SC/LA/CY/LP/TD/AN fields, or their displayed form ending in "Document <id>"). The readers
// work on plain text lines, so that the text of a DOCX, RTF or PDF export is split the same way as
// a TXT one. Labels are read in English, German, French and Spanish.
//
// Each article gets its title, source, date, author and URL where given, every other field as an
// article variable (section, length, language, document_id, subjects, ...), and a body without the
// database's boilerplate (copyright lines, Load-Date, "End of Document", the cover page and table
// of contents, page headers). An article that cannot be read is refused as "document N (line L)".
enum class NewsDatabase { None, LexisNexis, ProQuest, Factiva };

// Which database exported `text` (plain text), by its content.
NewsDatabase detectNewsDatabase(QStringView text);

// True when an HTML page is a Factiva export.
bool looksLikeFactivaHtml(QStringView html);

ReadResult readLexisNexisText(const QString &text);
ReadResult readProQuestText(const QString &text);
ReadResult readFactivaText(const QString &text);
ReadResult readFactivaHtml(const QString &html);

// A date as the databases print it, alone on a line or a field: "March 5, 2020 Thursday",
// "5. März 2020 Donnerstag", "jeudi 5 mars 2020", "5 de marzo de 2020", "Mar 5, 2020", "05.03.2020",
// "2020-03-05", with an optional time and zone. Invalid when the text holds anything else.
QDate parseDatabaseDate(QStringView text);

} // namespace gloss::import
