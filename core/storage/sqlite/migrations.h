#pragma once

#include <QList>

namespace gloss::storage::sqlite {

// Numbered schema migrations. Step N takes a project from user_version N-1 to N; each runs in one
// transaction together with the user_version update. Never edit a step that has shipped: add one.
struct Migration
{
    int version;
    const char *sql;
};

const QList<Migration> &migrations();

} // namespace gloss::storage::sqlite
