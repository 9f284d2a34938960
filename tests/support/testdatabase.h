#pragma once

#include "support/tempproject.h"

#include <QString>

namespace gloss::test {

// A new empty database on the test server (GLOSS_TEST_POSTGRES), dropped at the end of the test.
struct TestDatabase
{
    QString name;
    QString target; // the superuser's connection string to it
    TestDatabase() { target = createTestDatabase(&name); }
    ~TestDatabase() { dropTestDatabase(name); }
    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;
    // The same database over TCP as `user` with `password`, as a coder's machine reaches it.
    QString as(const QString &user, const QString &password) const
    {
        return QStringLiteral("postgresql://%1:%2@127.0.0.1:%3/%4")
            .arg(user, password, qEnvironmentVariable("GLOSS_TEST_PGPORT"), name);
    }
};

} // namespace gloss::test
