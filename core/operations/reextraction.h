#pragma once

#include <atomic>
#include <functional>

namespace gloss::operations {

// How to re-extract every article of a project (Entities::reextractAll, Timeline::reextractAll):
// articles are re-extracted in id order, `batch` to a transaction, so a cancel or a failure leaves
// every article either re-extracted or as it was, and a window's worker thread (with its own
// Project on the same path) does not hold the write lock for the whole corpus.
struct Reextraction
{
    // After each article: how many are done of how many.
    std::function<void(int done, int total)> progress;
    // Checked before each article; once set, the articles done so far are committed and no more
    // are started.
    const std::atomic_bool *cancel = nullptr;
    int batch = 200;
};

struct ReextractionResult
{
    int articles = 0; // re-extracted (committed)
    int total = 0; // in the project when it started
    bool cancelled = false;
};

} // namespace gloss::operations
