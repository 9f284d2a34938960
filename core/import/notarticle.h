#pragma once

#include <QByteArray>
#include <QString>

namespace gloss::import {

// Files that a folder of articles often holds beside them and that are not articles: images (SVG
// too), archives, executables, fonts, audio and video, source code, style sheets, build files and
// configuration. Recognised by content first (magic numbers, an <svg> root, CSS rules, lines of
// code) and by name second (CMakeLists.txt, Makefile, .css, .py, ...).
//
// Returns what the file looks like ("an SVG image", "C++ source code"), or an empty string when it
// may be an article. `head` is the start of the file (a few KB are enough). Documents a reader
// takes (DOCX, ODT, RTF, PDF, EPUB-free zips of them) are never refused here.
QString notArticleKind(const QString &fileName, const QByteArray &head);

// How many bytes of a file notArticleKind wants.
constexpr qsizetype NotArticleHeadBytes = 8192;

} // namespace gloss::import
