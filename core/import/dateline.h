#pragma once

#include <QString>

namespace gloss::import {

// The dateline an agency puts before the first sentence: "WASHINGTON:", "BRUSSELS —",
// "KABUL, Afghanistan (Reuters) -", "ISLAMABAD, June 9 (AP) —". The prefix stays in the body;
// the article records where it ends so that readers and extractors can tell it from the prose.
struct Dateline
{
    QString place; // "KABUL", "SÃO PAULO"; empty when the body opens without a dateline
    qsizetype end = 0; // code points: the prefix is body[0, end), separator included
    bool isValid() const { return !place.isEmpty(); }
};

Dateline findDateline(const QString &body);

} // namespace gloss::import
