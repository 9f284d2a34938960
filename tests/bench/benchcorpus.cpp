#include "benchcorpus.h"

#include "model/highlight.h"
#include "storage/articlerepository.h"
#include "storage/highlightrepository.h"
#include "storage/store.h"
#include "storage/tagrepository.h"

#include <QChar>
#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>
#include <QThread>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace gloss::bench {

namespace {

const std::array<const char *, 96> Common = {"the", "of", "and", "to", "in", "a", "said", "on", "for", "that", "was",
    "with", "by", "is", "at", "from", "as", "it", "his", "has", "have", "would", "be", "an", "their", "government",
    "officials", "minister", "talks", "ceasefire", "week", "security", "forces", "president", "country", "people",
    "police", "city", "council", "mayor", "budget", "election", "campaign", "parliament", "committee", "vote", "court",
    "ruling", "judge", "company", "users", "data", "privacy", "regulators", "bank", "loan", "trade", "tariffs",
    "exports", "steel", "aluminium", "farmers", "growers", "floods", "rain", "storms", "rescue", "workers",
    "protesters", "capital", "delegation", "envoys", "agreement", "settlement", "statement", "spokesman", "report",
    "hospital", "health", "schools", "teachers", "prices", "fuel", "energy", "power", "water", "border", "troops",
    "attack", "killed", "injured", "peace", "deal", "leaders", "summit", "meeting"};
const std::array<const char *, 30> First = {"Ashraf", "Mike", "Cécile", "José", "Imran", "Daniel", "Ingrid", "Luíza",
    "Vitor", "Zalmay", "Amina", "Kenji", "Olga", "Pedro", "Fatima", "Hans", "Mei", "Tariq", "Sofia", "Kwame", "Nadia",
    "Lars", "Priya", "Omar", "Elena", "Jin", "Ana", "Yusuf", "Marta", "Ravi"};
const std::array<const char *, 30> Last
    = {"Ghani", "Pompeo", "Måløy", "Núñez", "Khan", "Okafor", "Sørensen", "Gonçalves", "Aragão", "Khalilzad", "Mensah",
        "Tanaka", "Petrova", "Alvarez", "Haddad", "Müller", "Chen", "Aziz", "Rossi", "Boateng", "Karimi", "Lindqvist",
        "Sharma", "Farouk", "Ionescu", "Park", "Silva", "Demir", "Kowalska", "Iyer"};
const std::array<const char *, 24> Places = {"WASHINGTON", "KABUL", "ISLAMABAD", "BRUSSELS", "SÃO PAULO", "MADRID",
    "LAHORE", "SAN FRANCISCO", "NAIROBI", "TOKYO", "BERLIN", "LAGOS", "JAKARTA", "ANKARA", "WARSAW", "CAIRO", "DELHI",
    "ROME", "LIMA", "OSLO", "ACCRA", "SEOUL", "QUITO", "TUNIS"};
const std::array<const char *, 24> PlaceNames = {"Washington", "Kabul", "Islamabad", "Brussels", "São Paulo", "Madrid",
    "Lahore", "San Francisco", "Nairobi", "Tokyo", "Berlin", "Lagos", "Jakarta", "Ankara", "Warsaw", "Cairo", "Delhi",
    "Rome", "Lima", "Oslo", "Accra", "Seoul", "Quito", "Tunis"};
const std::array<const char *, 5> Agencies = {" (Reuters)", " (AP)", " (AFP)", "", ""};
const std::array<const char *, 14> Relative
    = {"on Thursday", "last week", "back in February", "next month", "two days ago", "this week", "yesterday",
        "on Monday", "earlier this year", "last year", "in March", "next year", "on Friday", "later this month"};
const std::array<const char *, 12> Months = {"January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"};
const std::array<const char *, 7> Days = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

QByteArray name(Rng &rng)
{
    return QByteArray(rng.pick(First)) + ' ' + rng.pick(Last);
}

QByteArray sentence(Rng &rng)
{
    QByteArray s;
    const int words = 10 + rng.bounded(14);
    for (int i = 0; i < words; ++i) {
        if (i)
            s += ' ';
        if (rng.bounded(40) == 0)
            s += rareWord(rng.bounded(20000));
        else // skewed towards the start of the list, as word frequencies are
            s += Common[size_t(rng.bounded(int(Common.size())) * rng.bounded(int(Common.size())) / int(Common.size()))];
    }
    switch (rng.bounded(6)) {
    case 0:
        s += ' ' + name(rng) + " said";
        break;
    case 1:
        s += " in " + QByteArray(rng.pick(PlaceNames));
        break;
    case 2:
        s += ' ' + QByteArray(rng.pick(Relative));
        break;
    default:
        break;
    }
    s[0] = char(QChar::toUpper(uint(uchar(s[0]))));
    return s + '.';
}

QByteArray quote(Rng &rng)
{
    return '"' + sentence(rng).chopped(1) + ",\" " + name(rng) + " told reporters " + rng.pick(Relative) + '.';
}

QByteArray dateText(QDate d, Rng &rng)
{
    const QByteArray month = Months[size_t(d.month() - 1)];
    switch (rng.bounded(5)) {
    case 0:
        return month + ' ' + QByteArray::number(d.day()) + ", " + QByteArray::number(d.year());
    case 1:
        return QByteArray::number(d.day()) + ' ' + month + ' ' + QByteArray::number(d.year());
    case 2:
        return QByteArray(Days[size_t(d.dayOfWeek() - 1)]).left(3) + ", " + QByteArray::number(d.day()) + ' '
            + month.left(3) + ' ' + QByteArray::number(d.year());
    case 3:
        return d.toString(Qt::ISODate).toLatin1();
    default:
        return month + ' ' + QByteArray::number(d.day()) + ", " + QByteArray::number(d.year()) + " 10:32 AM EDT";
    }
}

} // namespace

// 20,000 invented words, each in about 1 article in 250: the "rare words" of the query mix.
QByteArray rareWord(int k)
{
    static const std::array<const char *, 20> a = {"zor", "vel", "qua", "mir", "tes", "plo", "gan", "rhu", "dax", "fen",
        "lum", "syb", "kra", "nov", "pex", "wid", "jol", "tru", "bev", "cyn"};
    static const std::array<const char *, 20> b = {"an", "er", "is", "ot", "ul", "ay", "ek", "io", "ub", "ar", "en",
        "ix", "om", "yl", "ad", "et", "ir", "oz", "um", "ev"};
    static const std::array<const char *, 50> c = {"el", "ith", "ora", "und", "ast", "ine", "ock", "ube", "ary", "ion",
        "esk", "alt", "orn", "ive", "ump", "ise", "ard", "ent", "ugh", "oss", "ank", "erp", "ild", "owl", "act", "eft",
        "isk", "olm", "urt", "aze", "ebb", "ift", "onk", "upt", "awn", "emp", "irk", "ost", "uff", "ays", "eek", "ime",
        "oth", "usk", "alp", "eld", "ilt", "ovo", "ura", "ymn"};
    return QByteArray(a[size_t(k % 20)]) + b[size_t(k / 20 % 20)] + c[size_t(k / 400 % 50)];
}

// One article of about 3 KB in the news-text layout: retrieval date, title, publication date,
// body opening with a dateline.
QByteArray article(int i, Rng &rng)
{
    const QDate published = QDate(2015, 1, 1).addDays(rng.bounded(3000));
    QByteArray title;
    const int titleWords = 5 + rng.bounded(6);
    for (int k = 0; k < titleWords; ++k)
        title += (k ? " " : "") + QByteArray(Common[size_t(25 + rng.bounded(int(Common.size()) - 25))]);
    title[0] = char(QChar::toUpper(uint(uchar(title[0]))));
    if (rng.chance(30))
        title += " in " + QByteArray(rng.pick(PlaceNames));
    QByteArray text = QByteArray(Days[size_t(published.addDays(3).dayOfWeek() - 1)]) + ' '
        + Months[size_t(published.addDays(3).month() - 1)] + ' ' + QByteArray::number(published.addDays(3).day()) + ", "
        + QByteArray::number(published.addDays(3).year()) + "\n\n" + title + "\n\n" + dateText(published, rng) + "\n\n"
        + rng.pick(Places) + rng.pick(Agencies) + " — ";
    qsizetype paragraphStart = text.size();
    text += "Story " + QByteArray::number(i) + ". ";
    while (text.size() < 3000) {
        if (text.size() > paragraphStart + 200 && rng.chance(30)) {
            text += "\n\n";
            paragraphStart = text.size();
        } else if (text.size() > paragraphStart) {
            text += ' ';
        }
        text += rng.chance(15) ? quote(rng) : sentence(rng);
    }
    return text + '\n';
}

Corpus writeCorpus(const QDir &dir, int count)
{
    QElapsedTimer t;
    t.start();
    Corpus corpus;
    Rng rng{20260601};
    for (int i = 0; i < count; ++i) {
        const QString folder = dir.filePath(QStringLiteral("corpus/%1").arg(i / 1000, 3, 10, QLatin1Char('0')));
        if (i % 1000 == 0)
            QDir().mkpath(folder);
        const QString name = folder + QStringLiteral("/article-%1.txt").arg(i, 6, 10, QLatin1Char('0'));
        const QByteArray text = article(i, rng);
        QFile f(name);
        if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
            fail(name + QStringLiteral(": cannot write"));
        corpus.bytes += text.size();
        corpus.files.append(name);
    }
    std::printf("corpus: %.1f MB in %.1f s\n", double(corpus.bytes) / 1e6, ms(t) / 1e3);
    std::fflush(stdout);
    return corpus;
}

// The query mix: rare words, common words, phrases, a name, a prefix.
QStringList queryMix()
{
    return {QString::fromLatin1(rareWord(1234)),
        QString::fromLatin1(rareWord(777)) + QStringLiteral(" OR ") + QString::fromLatin1(rareWord(15000)),
        QStringLiteral("government"), QStringLiteral("minister said"), QStringLiteral("\"ceasefire talks\""),
        QStringLiteral("\"city council\" budget"), QStringLiteral("\"Daniel Okafor\""), QStringLiteral("Sørensen"),
        QStringLiteral("regulat*")};
}

void addHighlights(storage::Store &store, int count, const std::vector<std::pair<qint64, int>> &lengths)
{
    if (lengths.empty())
        fail(QStringLiteral("the import stored no articles"));
    QList<qint64> tags;
    for (const char *parent : {"Frames", "Actors", "Tone"})
        for (const char *child : {"Conflict", "Economy", "Human interest", "Responsibility"})
            tags.append(
                store.tags().ensure(QString::fromUtf8(parent) + QStringLiteral(" > ") + QString::fromUtf8(child)));
    Rng rng{7};
    for (int i = 0; i < count; ++i) {
        const auto &[id, length] = i < 1000 ? lengths.front() : lengths[size_t(rng.bounded(int(lengths.size())))];
        model::Highlight h;
        h.articleId = id;
        h.start = rng.bounded(length - 80);
        h.end = h.start + 5 + rng.bounded(70);
        h.coder = i % 2 ? QStringLiteral("ana") : QStringLiteral("bo");
        const int tagCount = rng.bounded(3);
        for (int k = 0; k < tagCount; ++k) {
            const qint64 tag = tags.at(rng.bounded(int(tags.size())));
            if (!h.tagIds.contains(tag))
                h.tagIds.append(tag);
        }
        if (i % 10 == 0)
            h.note = QStringLiteral("note %1, about this passage").arg(i);
        store.highlights().add(h);
    }
}

Options::Options(const QStringList &args, const QStringList &withValue, const QStringList &flags, const QString &usage)
    : m_args(args)
{
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (withValue.contains(args.at(i)) && i + 1 < args.size())
            ++i;
        else if (!flags.contains(args.at(i)))
            fail(usage);
    }
}

QString Options::value(const char *name, const QString &fallback) const
{
    const qsizetype at = m_args.indexOf(QString::fromLatin1(name));
    return at > 0 && at + 1 < m_args.size() ? m_args.at(at + 1) : fallback;
}

Stat summarise(std::vector<double> v)
{
    if (v.empty())
        return {};
    std::sort(v.begin(), v.end());
    return {v.front(), v[v.size() / 2]};
}

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5))];
}

double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

double processCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// Runs a program to its end, standard output to `outFile` (or /dev/null), with its peak RSS.
Child runChild(const QString &program, const QStringList &args, const QString &outFile)
{
    std::vector<QByteArray> store;
    store.push_back(QFile::encodeName(program));
    for (const QString &a : args)
        store.push_back(a.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &a : store)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    const QByteArray out = outFile.isEmpty() ? QByteArray("/dev/null") : QFile::encodeName(outFile);
    QElapsedTimer t;
    t.start();
    const pid_t pid = fork();
    if (pid == 0) {
        const int fd = ::open(out.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd >= 0) {
            dup2(fd, 1);
            ::close(fd);
        }
        execvp(argv[0], argv.data());
        _exit(127);
    }
    Child c;
    rusage usage{};
    int status = 0;
    wait4(pid, &status, 0, &usage);
    c.wallMs = ms(t);
    c.cpuMs = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
    c.peakRssMb = double(usage.ru_maxrss) / 1024.0;
    c.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return c;
}

ArticleFile readArticle(const QString &path)
{
    ArticleFile a;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        fail(path + QStringLiteral(": cannot read"));
    a.data = f.readAll();
    // retrieval date, title, publication date, body
    const qsizetype t = a.data.indexOf("\n\n");
    const qsizetype p = a.data.indexOf("\n\n", t + 2);
    const qsizetype b = a.data.indexOf("\n\n", p + 2);
    if (t < 0 || p < 0 || b < 0)
        fail(path + QStringLiteral(": not a corpus article"));
    a.title = QByteArrayView(a.data).sliced(t + 2, p - t - 2);
    a.published = QByteArrayView(a.data).sliced(p + 2, b - p - 2);
    a.body = QByteArrayView(a.data).sliced(b + 2);
    return a;
}

TimedQuery glossSearch(storage::ArticleRepository &articles, const QStringList &mix)
{
    return [&articles, mix](int q, int &found) {
        model::ArticleFilter f;
        f.search = mix.at(q);
        QElapsedTimer t;
        t.start();
        const auto hits = articles.search(f, 50);
        const double elapsed = ms(t);
        found = int(hits.size());
        return elapsed;
    };
}

SearchResult compareSearch(
    const QStringList &mix, int runs, const TimedQuery &gloss, const TimedQuery &raw, const QString &rawName)
{
    int found = 0;
    for (int q = 0; q < mix.size(); ++q) {
        gloss(q, found);
        const int glossFound = found;
        raw(q, found);
        if (found != glossFound)
            fail(QStringLiteral("search: %1 found %2 articles, %3 %4")
                     .arg(mix.at(q))
                     .arg(glossFound)
                     .arg(rawName)
                     .arg(found));
        std::printf("  query %-32s %d hits\n", qPrintable(mix.at(q)), found);
    }
    std::vector<double> g50, g95, r50, r95;
    for (int run = 0; run < runs; ++run) {
        std::vector<double> g, r;
        for (int rep = 0; rep < 5; ++rep)
            for (int q = 0; q < mix.size(); ++q) {
                g.push_back(gloss(q, found));
                r.push_back(raw(q, found));
            }
        g50.push_back(percentile(g, 0.5));
        g95.push_back(percentile(g, 0.95));
        r50.push_back(percentile(r, 0.5));
        r95.push_back(percentile(r, 0.95));
    }
    return {summarise(g50), summarise(g95), summarise(r50), summarise(r95)};
}

void fail(const QString &what)
{
    std::fprintf(stderr, "%s: %s\n", qPrintable(QCoreApplication::applicationName()), qPrintable(what));
    std::exit(1);
}

QString number(double v, int decimals)
{
    return QString::number(v, 'f', decimals);
}

Row row(const QString &name, const QString &unit)
{
    Row r;
    r.name = name;
    r.unit = unit;
    return r;
}

Row ratioRow(const QString &name, const std::vector<double> &gloss, const std::vector<double> &limit, double target)
{
    Row r = row(name, QStringLiteral("s"));
    r.gloss = summarise(gloss);
    r.limit = summarise(limit);
    r.target = target;
    r.targetText = QStringLiteral("≤ ") + QString::number(target) + u'×';
    r.met = r.gloss.median <= target * r.limit->median;
    return r;
}

QJsonArray printTable(const QList<Row> &rows)
{
    std::printf("\n%-54s %12s %12s %12s %12s %8s  %-14s %s\n", "measure", "gloss min", "gloss median", "limit min",
        "limit median", "ratio", "target", "");
    QJsonArray measures;
    for (const Row &r : rows) {
        const double ratio = r.limit && r.limit->median > 0 ? r.gloss.median / r.limit->median : 0;
        auto cell = [&](double v) {
            if (r.unit == u"s")
                return QString(number(v / 1e3, 2) + QStringLiteral(" s"));
            return QString(number(v, 1) + u' ' + r.unit);
        };
        const bool skipped = r.note.startsWith(u"skipped");
        std::printf("%-54s %12s %12s %12s %12s %8s  %-14s %s%s\n", qPrintable(r.name),
            skipped ? "—" : qPrintable(cell(r.gloss.min)), skipped ? "—" : qPrintable(cell(r.gloss.median)),
            r.limit ? qPrintable(cell(r.limit->min)) : "—", r.limit ? qPrintable(cell(r.limit->median)) : "—",
            r.limit ? qPrintable(number(ratio, 2) + u'×') : "—", qPrintable(r.targetText),
            skipped ? "" : (r.targetText == u"—" ? "" : (r.met ? "met" : "MISSED")),
            r.note.isEmpty() ? "" : qPrintable(QStringLiteral("  (") + r.note + u')'));
        QJsonObject o{{QStringLiteral("name"), r.name},
            {QStringLiteral("unit"), r.unit == u"s" ? QStringLiteral("ms") : r.unit},
            {QStringLiteral("target"), r.targetText}, {QStringLiteral("note"), r.note}};
        if (!skipped) {
            o.insert(QStringLiteral("gloss"),
                QJsonObject{{QStringLiteral("min"), r.gloss.min}, {QStringLiteral("median"), r.gloss.median}});
            if (r.targetText != u"—")
                o.insert(QStringLiteral("met"), r.met);
        }
        if (r.limit) {
            o.insert(QStringLiteral("limit"),
                QJsonObject{{QStringLiteral("min"), r.limit->min}, {QStringLiteral("median"), r.limit->median}});
            o.insert(QStringLiteral("ratio"), ratio);
        }
        measures.append(o);
    }
    return measures;
}

void writeJson(const QString &file, QJsonObject doc)
{
    doc.insert(QStringLiteral("cpus"), QThread::idealThreadCount());
    doc.insert(QStringLiteral("machine"), QSysInfo::prettyProductName());
    doc.insert(QStringLiteral("date"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(doc).toJson()) < 0)
        fail(file + QStringLiteral(": cannot write"));
    std::printf("JSON: %s\n", qPrintable(QFileInfo(file).absoluteFilePath()));
}

} // namespace gloss::bench
