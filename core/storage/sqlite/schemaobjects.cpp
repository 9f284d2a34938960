#include "storage/sqlite/schemaobjects.h"

#include "storage/error.h"
#include "storage/sqlite/sqliteerror.h"

#include <sqlite3.h>

namespace gloss::storage::sqlite {

namespace {

// SQL keywords are ASCII: folded as SQLite folds them, so that no other letter (the Kelvin sign,
// a dotted capital I) turns into one.
QString asciiLower(QStringView text)
{
    QString out(text.size(), Qt::Uninitialized);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        out[i] = QChar(c >= u'A' && c <= u'Z' ? char16_t(c + 32) : c);
    }
    return out;
}

// The position after the white space and comments at `i`, as SQLite's tokenizer skips them.
qsizetype skipSpace(QStringView sql, qsizetype i)
{
    while (i < sql.size()) {
        const char16_t c = sql[i].unicode();
        const char16_t next = i + 1 < sql.size() ? sql[i + 1].unicode() : u'\0';
        if (c == u' ' || (c >= u'\t' && c <= u'\r')) {
            ++i;
        } else if (c == u'-' && next == u'-') {
            const qsizetype end = sql.indexOf(u'\n', i);
            i = end < 0 ? sql.size() : end + 1;
        } else if (c == u'/' && next == u'*') {
            const qsizetype end = sql.indexOf(u"*/", i + 2);
            i = end < 0 ? sql.size() : end + 2;
        } else {
            break;
        }
    }
    return i;
}

// The next word at `i` (letters, digits, '_' and '$', as SQLite's identifiers), lower case.
QString nextWord(QStringView sql, qsizetype &i)
{
    i = skipSpace(sql, i);
    const qsizetype from = i;
    while (i < sql.size()) {
        const char16_t c = sql[i].unicode();
        if (!((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_' || c == u'$'
                || c >= 0x80))
            break;
        ++i;
    }
    return asciiLower(sql.mid(from, i - from));
}

bool isPlanted(const SchemaObject &object, const QString &rowType)
{
    for (const QString &kind : {object.type, rowType})
        if (kind == u"trigger" || kind == u"view")
            return true;
    return false;
}

} // namespace

QString createdKind(QStringView sql)
{
    qsizetype i = 0;
    if (nextWord(sql, i) != u"create")
        return {};
    for (;;) {
        const QString word = nextWord(sql, i);
        if (word == u"temp" || word == u"temporary" || word == u"unique" || word == u"virtual")
            continue;
        if (word == u"table" || word == u"index" || word == u"view" || word == u"trigger")
            return word;
        return {};
    }
}

namespace {

// Every row with its type as the row gives it (lower case) beside what its SQL makes.
template <typename F> void eachRow(sqlite3 *db, F &&visit)
{
    sqlite3_stmt *stmt = nullptr;
    int rc = sqlite3_prepare_v2(db, "SELECT type, name, sql FROM sqlite_schema", -1, &stmt, nullptr);
    QString error;
    if (rc == SQLITE_OK) {
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            const auto column = [&](int i) {
                return QString::fromUtf8(
                    reinterpret_cast<const char *>(sqlite3_column_text(stmt, i)), sqlite3_column_bytes(stmt, i));
            };
            const QString rowType = asciiLower(column(0));
            SchemaObject object{rowType, column(1), column(2)};
            if (const QString kind = createdKind(object.sql); !kind.isEmpty())
                object.type = kind;
            visit(object, rowType);
        }
    }
    const int code = sqlite3_extended_errcode(db);
    if (rc != SQLITE_DONE)
        error = QString::fromUtf8(sqlite3_errmsg(db));
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE)
        throw sqlite::error(error, code);
}

} // namespace

QList<SchemaObject> schemaObjects(sqlite3 *db)
{
    QList<SchemaObject> out;
    eachRow(db, [&](const SchemaObject &object, const QString &) { out.append(object); });
    return out;
}

QList<SchemaObject> plantedObjects(sqlite3 *db)
{
    QList<SchemaObject> out;
    eachRow(db, [&](SchemaObject object, const QString &rowType) {
        if (!isPlanted(object, rowType))
            return;
        if (object.type != u"trigger" && object.type != u"view")
            object.type = rowType;
        out.append(object);
    });
    return out;
}

} // namespace gloss::storage::sqlite
