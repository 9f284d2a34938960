// reader-bench: how long the window takes to show an article with 1,000 highlights, and to paint
// the first screen of an article list of N articles. Offscreen; prints a small table.
//   reader-bench [--articles N] [--highlights M] [--project PATH]
#include "articles/articlelistpanel.h"
#include "document.h"
#include "project.h"
#include "reader/bodyview.h"
#include "reader/readerview.h"
#include "storage/transaction.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

namespace {

const char *const Words[]
    = {"government", "talks", "ceasefire", "minister", "Kabul", "Islamabad", "said", "on", "Thursday", "the", "of",
        "officials", "Taliban", "peace", "Pompeo", "United", "States", "week", "security", "forces"};

QString paragraph(QRandomGenerator &rng, int words)
{
    QString s;
    for (int i = 0; i < words; ++i) {
        if (i)
            s += u' ';
        s += QString::fromLatin1(Words[rng.bounded(int(std::size(Words)))]);
    }
    return s + u'.';
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.at(v.size() / 2);
}

} // namespace

int main(int argc, char **argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int articles = 100000;
    int highlights = 1000;
    QString path;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == u"--articles")
            articles = args.at(i + 1).toInt();
        else if (args.at(i) == u"--highlights")
            highlights = args.at(i + 1).toInt();
        else if (args.at(i) == u"--project")
            path = args.at(i + 1);
    }
    QTemporaryDir dir;
    if (path.isEmpty())
        path = dir.filePath(QStringLiteral("bench.gloss"));
    auto opened = gloss::Project::open(path);
    if (!opened.project) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error));
        return 1;
    }
    QRandomGenerator rng(42);
    QElapsedTimer setup;
    setup.start();
    qint64 bigArticle = 0;
    {
        gloss::Project &p = *opened.project;
        p.db().setDurability(gloss::storage::Database::Durability::Normal);
        gloss::storage::Transaction tx(p.db());
        for (int i = p.articles().count(); i < articles; ++i) {
            gloss::model::Article a;
            a.title = QStringLiteral("Article %1: ").arg(i) + paragraph(rng, 8);
            for (int k = 0; k < 20; ++k)
                a.body += paragraph(rng, 25) + u"\n\n";
            a.published = QDate(2015, 1, 1).addDays(i % 3000);
            a.source = QStringLiteral("Bench Wire");
            p.articles().insert(a);
        }
        gloss::model::Article big;
        big.title = QStringLiteral("An article with %1 highlights").arg(highlights);
        for (int k = 0; k < 120; ++k)
            big.body += paragraph(rng, 40) + u"\n\n";
        big.published = QDate(2018, 6, 9);
        bigArticle = p.articles().insert(big);
        QList<qint64> tags;
        for (int t = 0; t < 9; ++t)
            tags << p.tags().create(QStringLiteral("Tag %1").arg(t + 1));
        const qint64 length = big.body.size(); // ASCII: code points == UTF-16
        for (int h = 0; h < highlights; ++h) {
            gloss::model::Highlight hl;
            hl.articleId = bigArticle;
            hl.start = rng.bounded(qint64(length - 60));
            hl.end = hl.start + 5 + rng.bounded(50);
            hl.tagIds = {tags.at(h % tags.size())};
            if (h % 7 == 0)
                hl.note = QStringLiteral("note %1").arg(h);
            p.highlights().add(hl);
        }
        tx.commit();
    }
    const double setupMs = setup.nsecsElapsed() / 1e6;

    gloss::ui::Document document(std::move(opened.project));
    QList<double> listTimes;
    QList<double> readerTimes;
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer t;
        t.start();
        gloss::ui::ArticleListPanel list(document);
        list.resize(500, 800);
        list.show();
        list.grab(); // forces layout and a full paint of the first screen
        listTimes << t.nsecsElapsed() / 1e6;

        gloss::ui::ReaderView reader(document);
        reader.resize(800, 900);
        reader.show();
        reader.grab();
        t.restart();
        reader.showArticle(bigArticle);
        reader.grab();
        readerTimes << t.nsecsElapsed() / 1e6;
    }
    QTextStream out(stdout);
    out << "articles " << articles << ", highlights in one article " << highlights << " (setup " << qRound(setupMs)
        << " ms)\n";
    out << "measure                                min ms   median ms   target ms\n";
    out << QStringLiteral("article list first paint              %1   %2   200\n")
               .arg(*std::min_element(listTimes.begin(), listTimes.end()), 6, 'f', 1)
               .arg(median(listTimes), 9, 'f', 1);
    out << QStringLiteral("show article with highlights          %1   %2   50\n")
               .arg(*std::min_element(readerTimes.begin(), readerTimes.end()), 6, 'f', 1)
               .arg(median(readerTimes), 9, 'f', 1);
    return 0;
}
