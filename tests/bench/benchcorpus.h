#pragma once

// What the side-by-side benchmarks (gloss-bench, team-bench) share: the deterministic news-text
// corpus, the highlights they add, the query mix, timing of this process and of child processes,
// and the table of measures each prints and writes as JSON.

#include <QByteArray>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

namespace gloss::storage {
class ArticleRepository;
class Store;
} // namespace gloss::storage

namespace gloss::bench {

// A deterministic random sequence: the same bytes on every machine for the same seed (no std
// distributions).
struct Rng
{
    quint64 state;
    quint64 next()
    {
        quint64 z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int bounded(int n) { return int(next() % quint64(n)); }
    bool chance(int percent) { return bounded(100) < percent; }
    template <typename T, size_t N> const T &pick(const std::array<T, N> &a) { return a[size_t(bounded(int(N)))]; }
};

// One of 20,000 invented words, each in about 1 article in 250: the "rare words" of the query mix.
QByteArray rareWord(int k);
// Article i of about 3 KB in the news-text layout: retrieval date, title, publication date, body
// opening with a dateline.
QByteArray article(int i, Rng &rng);

struct Corpus
{
    QStringList files;
    qint64 bytes = 0;
};
// Writes `count` articles as news-text files under DIR/corpus (1,000 a folder), the same for
// every run and machine; says how much it wrote and how long it took.
Corpus writeCorpus(const QDir &dir, int count);

// A corpus file read and split at its first three blank lines, as the limits store it.
struct ArticleFile
{
    QByteArray data;
    QByteArrayView title, published, body; // into data
};
ArticleFile readArticle(const QString &path);

// The query mix: rare words, common words, phrases, a name, a prefix.
QStringList queryMix();

// Adds M highlights through core, in the caller's transaction, with a codebook of three parents
// of four tags: the first 1,000 on the first article (overlapping, as 1,000 highlights in 3 KB
// must), the rest spread over the project. `lengths` holds each article's (id, length in code
// points) by id.
void addHighlights(storage::Store &store, int count, const std::vector<std::pair<qint64, int>> &lengths);

// The command line: `--name VALUE` for each of `withValue`, bare flags of `flags`; anything else
// (--help too) fails with `usage`, not the start of a 15-minute run at full size.
class Options
{
public:
    Options(const QStringList &args, const QStringList &withValue, const QStringList &flags, const QString &usage);
    QString value(const char *name, const QString &fallback) const;
    bool has(const char *flag) const { return m_args.contains(QString::fromLatin1(flag)); }

private:
    QStringList m_args;
};

// Timing.
struct Stat
{
    double min = 0;
    double median = 0;
};
Stat summarise(std::vector<double> v);
double percentile(std::vector<double> v, double p);
double ms(const QElapsedTimer &t);
double processCpuMs();
double threadCpuMs();

struct Child
{
    double wallMs = 0;
    double cpuMs = 0;
    double peakRssMb = 0;
    int status = -1;
};
// Runs a program to its end, standard output to `outFile` (or /dev/null), with its CPU time and
// peak RSS.
Child runChild(const QString &program, const QStringList &args, const QString &outFile = {});

// Search timed side by side: each query of the mix through Gloss and through the engine's own
// statement, both warmed first (each must find as many articles), then alternated 5 times per run
// so that neither has warmer caches; p50 and p95 of each run, summarised over the runs. A query
// function runs query `query` of the mix, sets `found` and returns its time in ms.
using TimedQuery = std::function<double(int query, int &found)>;
struct SearchResult
{
    Stat glossP50, glossP95, rawP50, rawP95;
};
// Gloss's side: articles.search() for the 50 best matches of query `query` of `mix`.
TimedQuery glossSearch(storage::ArticleRepository &articles, const QStringList &mix);
SearchResult compareSearch(
    const QStringList &mix, int runs, const TimedQuery &gloss, const TimedQuery &raw, const QString &rawName);

// Prints "PROGRAM: what" on stderr and exits 1.
[[noreturn]] void fail(const QString &what);
QString number(double v, int decimals);

// One line of the table: Gloss against its limit.
struct Row
{
    QString name;
    QString unit; // "s" (measured in ms, shown in s), "ms", "MB"
    Stat gloss;
    std::optional<Stat> limit;
    QString limitName;
    double target = 0; // on the ratio, or on the value when there is no limit
    QString targetText; // "—" when the row has no target
    bool met = true;
    QString note; // starting with "skipped" when the row was not measured
};
Row row(const QString &name, const QString &unit);
// A row of times in ms shown in s, Gloss's against the limit's: met when Gloss's median is at most
// `target` times the limit's.
Row ratioRow(const QString &name, const std::vector<double> &gloss, const std::vector<double> &limit, double target);
// Prints the table and returns its rows as JSON.
QJsonArray printTable(const QList<Row> &rows);
// Writes the run's figures `doc` with the machine (CPUs, system) and the date to `file`.
void writeJson(const QString &file, QJsonObject doc);

} // namespace gloss::bench
