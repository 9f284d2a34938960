#pragma once

#include "operations/change.h"
#include "operations/error.h"
#include "operations/project.h"

#include <QList>

#include <catch2/catch.hpp>

namespace gloss::test {

// Counts what a project's change listener hears while it lives.
struct Heard
{
    explicit Heard(Project &p)
        : project(p)
    {
        project.setChangeListener([this](operations::Areas areas, qint64) { calls.append(areas); });
    }
    ~Heard() { project.setChangeListener({}); }
    Q_DISABLE_COPY_MOVE(Heard)

    Project &project;
    QList<operations::Areas> calls;
};

// The error `f` throws, which must be an OperationError.
template <typename F> operations::OperationError errorOf(F &&f)
{
    try {
        f();
    } catch (const operations::OperationError &e) {
        return e;
    }
    FAIL("no OperationError was thrown");
    return {operations::OperationError::Kind::Failed, {}};
}

} // namespace gloss::test
