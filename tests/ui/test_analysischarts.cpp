// The window's Analysis > Frequencies…, Co-occurrence… and Retrieved Passages… against the command
// line's reports on the same project: the same numbers, the same CSV, the same HTML, and exports a
// user can open.
#include "analysis/cooccurrencedialog.h"
#include "analysis/frequencydialog.h"
#include "analysis/passagesdialog.h"
#include "analysis/reportexport.h"
#include "csv/csvreader.h"
#include "document.h"
#include "mainwindow.h"
#include "operations/entities.h"
#include "support/glossprocess.h"
#include "support/windowfixture.h"
#include "work/reportcounter.h"

#include <QChartView>
#include <QFile>
#include <QHeaderView>
#include <QImage>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QSemaphore>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <catch2/catch.hpp>

using gloss::test::runGloss;

namespace {

QList<QStringList> parseCsv(const QString &text)
{
    gloss::csv::CsvReader reader(text);
    QList<QStringList> rows;
    QStringList fields;
    int line = 0;
    while (reader.next(fields, line))
        rows.append(fields);
    return rows;
}

// Starts the dialog's count on its worker and waits until it is shown.
template <class Dialog> void counted(Dialog &dialog)
{
    QSignalSpy finished(dialog.counter(), &gloss::ui::ReportCounter::finished);
    dialog.compute();
    REQUIRE(dialog.isCounting());
    REQUIRE(finished.wait(60000));
    REQUIRE_FALSE(dialog.isCounting());
    INFO(dialog.counter()->lastError().toStdString());
    REQUIRE(finished.last().at(0).toBool());
}

// Lets a worker held in a hook go, whatever happens to the test.
struct Release
{
    QSemaphore &semaphore;
    ~Release() { semaphore.release(1000); }
};

qint64 mark(gloss::Project &p, qint64 articleId, qint64 start, qint64 end, const QList<qint64> &tags)
{
    gloss::model::Highlight h;
    h.articleId = articleId;
    h.start = start;
    h.end = end;
    h.coder = QStringLiteral("ann");
    h.tagIds = tags;
    return p.store().highlights().add(h);
}

// Twelve articles over five months and two sources; tags made in the order Zeta, Alpha, Mid so that
// the codebook's order is not the names' order.
struct AnalysisFixture : gloss::test::WindowFixture
{
    qint64 zeta = 0, alpha = 0, mid = 0;
    QList<qint64> articles;

    AnalysisFixture()
    {
        gloss::Project &p = tp.project();
        zeta = p.store().tags().ensure(QStringLiteral("Zeta"));
        alpha = p.store().tags().ensure(QStringLiteral("Alpha"));
        mid = p.store().tags().ensure(QStringLiteral("Mid"));
        const QString body = QStringLiteral("The minister said talks would resume after the strike at the port.");
        for (int i = 0; i < 12; ++i) {
            const qint64 a = tp.addArticle(QStringLiteral("Article %1").arg(i), body + QString::number(i),
                QDate(2018, 1 + i % 5, 3 + i), i % 3 ? QStringLiteral("Dawn") : QStringLiteral("The News"));
            articles.append(a);
            mark(p, a, 4, 12, {zeta}); // "minister"
            if (i % 2)
                mark(p, a, 8, 22, {alpha}); // overlaps Zeta's
            if (i % 3 == 0)
                mark(p, a, 40, 50, {mid, alpha}); // a highlight coded with both
            if (i == 3)
                mark(p, a, 40, 50, {zeta}); // on Mid and Alpha's span
        }
    }
};

} // namespace

TEST_CASE("Frequencies shows the command line's counts and exports its CSV, a PNG and an SVG", "[ui][reports][charts]")
{
    AnalysisFixture f;
    f.open();
    gloss::ui::FrequencyDialog dialog(*f.document);
    dialog.reload();
    QTemporaryDir out;

    for (const auto &[by, count] :
        {std::pair{"month", "articles"}, std::pair{"source", "highlights"}, std::pair{"quarter", "share"}}) {
        CAPTURE(by, count);
        REQUIRE(dialog.setBy(QString::fromLatin1(by)));
        REQUIRE(dialog.setCount(QString::fromLatin1(count)));
        dialog.setCheckedTags({f.zeta, f.alpha});
        counted(dialog);
        QStringList args = {QStringLiteral("report"), QStringLiteral("frequency"), QStringLiteral("--by"),
            QString::fromLatin1(by), QStringLiteral("--tag"), QStringLiteral("Zeta"), QStringLiteral("--tag"),
            QStringLiteral("Alpha"), QStringLiteral("--format"), QStringLiteral("csv")};
        if (QByteArray(count) == "share")
            args.append(QStringLiteral("--share"));
        else
            args += {QStringLiteral("--count"), QString::fromLatin1(count)};
        const gloss::test::Run run = runGloss(args, f.document->project().path());
        REQUIRE(run.code == 0);
        const QList<QStringList> expected = parseCsv(run.out);
        REQUIRE(expected.size() > 1);

        // The table shows the command line's rows (tags in the codebook's order: Zeta, Alpha).
        QAbstractItemModel *model = dialog.table()->model();
        REQUIRE(model->rowCount() == expected.size() - 1);
        REQUIRE(model->columnCount() == expected.first().size());
        CHECK(model->headerData(2, Qt::Horizontal).toString() == QStringLiteral("Zeta"));
        CHECK(model->headerData(3, Qt::Horizontal).toString() == QStringLiteral("Alpha"));
        for (int r = 0; r < model->rowCount(); ++r)
            for (int c = 0; c < model->columnCount(); ++c)
                CHECK(model->index(r, c).data().toString() == expected.at(r + 1).at(c));

        // Export CSV writes exactly what the command line writes.
        const QString csvPath = out.filePath(QStringLiteral("f.csv"));
        REQUIRE(gloss::ui::writeReportCsv(dialog.csvTable(), csvPath).isEmpty());
        QFile csv(csvPath);
        REQUIRE(csv.open(QIODevice::ReadOnly));
        CHECK(QString::fromUtf8(csv.readAll()) == run.out);
    }

    // Known by construction: in January 2018 (articles 0, 5, 10) Zeta is in all three, Alpha in
    // articles 0 (with Mid) and 5 (odd): two.
    REQUIRE(dialog.setBy(QStringLiteral("month")));
    REQUIRE(dialog.setCount(QStringLiteral("articles")));
    counted(dialog);
    QAbstractItemModel *model = dialog.table()->model();
    CHECK(model->index(0, 0).data().toString() == QStringLiteral("2018-01"));
    CHECK(model->index(0, 1).data().toString() == QStringLiteral("3"));
    CHECK(model->index(0, 2).data().toString() == QStringLiteral("3"));
    CHECK(model->index(0, 3).data().toString() == QStringLiteral("2"));

    // The chart, as lines and as stacked bars, exported as a PNG and an SVG.
    dialog.resize(1200, 760);
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    for (const auto kind :
        {gloss::ui::FrequencyDialog::ChartKind::Lines, gloss::ui::FrequencyDialog::ChartKind::StackedBars}) {
        dialog.setChartKind(kind);
        REQUIRE(dialog.chartView()->chart()->series().size() >= 1);
        const QString png = out.filePath(QStringLiteral("chart.png"));
        REQUIRE(gloss::ui::writeWidgetPng(*dialog.chartView(), png).isEmpty());
        const QImage image(png);
        REQUIRE_FALSE(image.isNull());
        CHECK(image.width() > 300);
        // Not blank: the lines or bars put more than one colour on it.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        CHECK(colours.size() > 3);

        const QString svgPath = out.filePath(QStringLiteral("chart.svg"));
        REQUIRE(gloss::ui::writeWidgetSvg(*dialog.chartView(), svgPath, QStringLiteral("Frequencies")).isEmpty());
        QFile svg(svgPath);
        REQUIRE(svg.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&svg);
        QString root;
        int drawn = 0;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement) {
                if (root.isEmpty())
                    root = xml.name().toString();
                if (xml.name() == u"path" || xml.name() == u"polyline" || xml.name() == u"rect")
                    ++drawn;
            }
        }
        CHECK_FALSE(xml.hasError());
        CHECK(root == QStringLiteral("svg"));
        CHECK(drawn > 10);
    }
    // An unwritable place is refused with the file named.
    CHECK(gloss::ui::writeWidgetPng(*dialog.chartView(), out.filePath(QStringLiteral("no/such/dir/x.png")))
              .contains(QStringLiteral("no/such/dir/x.png")));
}

TEST_CASE(
    "the co-occurrence heat map holds the command line's counts and lists a cell's passages", "[ui][reports][charts]")
{
    AnalysisFixture f;
    f.open();
    gloss::ui::CooccurrenceDialog dialog(*f.document);
    for (const char *unit : {"highlight", "article"}) {
        CAPTURE(unit);
        dialog.setUnit(QString::fromLatin1(unit));
        dialog.setEntities(false);
        counted(dialog);
        const gloss::test::Run run
            = runGloss({QStringLiteral("report"), QStringLiteral("cooccurrence"), QStringLiteral("--unit"),
                           QString::fromLatin1(unit), QStringLiteral("--format"), QStringLiteral("csv")},
                f.document->project().path());
        REQUIRE(run.code == 0);
        const QList<QStringList> expected = parseCsv(run.out);
        QStandardItemModel *model = dialog.model();
        REQUIRE(model->rowCount() == expected.size() - 1);
        REQUIRE(model->rowCount() == 3);
        for (int c = 0; c < model->columnCount(); ++c)
            CHECK(model->headerData(c, Qt::Horizontal).toString()
                == (c == 0 ? QStringLiteral("Tag") : expected.first().at(c)));
        for (int r = 0; r < model->rowCount(); ++r)
            for (int c = 0; c < model->columnCount(); ++c)
                CHECK(model->index(r, c).data().toString() == expected.at(r + 1).at(c));
        CHECK(QString::fromUtf8(gloss::analysis::csvBytes(dialog.csvTable())) == run.out);
    }

    // By highlight: Zeta x Alpha overlap in the six odd articles ("minister" and "ister said"),
    // and once more in article 3 (Zeta's second highlight on Alpha's and Mid's span): 7 pairs.
    dialog.setUnit(QStringLiteral("highlight"));
    counted(dialog);
    QStandardItemModel *model = dialog.model();
    REQUIRE(model->index(0, 0).data().toString() == QStringLiteral("Zeta"));
    CHECK(model->index(0, 2).data().toString() == QStringLiteral("7"));
    // Sorting by a column reorders the rows; the cells keep their tags.
    dialog.table()->sortByColumn(1, Qt::DescendingOrder);
    CHECK(model->index(0, 0).data().toString() == QStringLiteral("Zeta")); // its own 13 highlights
    dialog.table()->sortByColumn(0, Qt::AscendingOrder);
    REQUIRE(model->index(0, 0).data().toString() == QStringLiteral("Alpha"));

    // Activating Alpha x Zeta lists the passages of both where they overlap.
    QSignalSpy spy(&dialog, &gloss::ui::CooccurrenceDialog::passagesRequested);
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    int zetaColumn = -1;
    for (int c = 1; c < model->columnCount(); ++c)
        if (model->headerData(c, Qt::Horizontal).toString() == u"Zeta")
            zetaColumn = c;
    REQUIRE(zetaColumn > 0);
    const QModelIndex cell = model->index(0, zetaColumn);
    dialog.table()->setCurrentIndex(cell);
    QTest::keyClick(dialog.table(), Qt::Key_Return); // listed on the report worker
    REQUIRE((spy.size() == 1 || spy.wait(60000)));
    REQUIRE(spy.size() == 1);
    const auto passages = spy.at(0).at(0).value<QList<gloss::model::Passage>>();
    CHECK(spy.at(0).at(1).toString().contains(QStringLiteral("overlap")));
    qint64 alphas = 0, zetas = 0;
    for (const gloss::model::Passage &p : passages) {
        alphas += p.tagId == f.alpha ? 1 : 0;
        zetas += p.tagId == f.zeta ? 1 : 0;
    }
    CHECK(alphas == 7); // the six odd articles' Alpha, and article 3's Alpha + Mid highlight
    CHECK(zetas == 7); // the six odd articles' Zeta, and article 3's second one

    // The window opens the passages view on them.
    auto *window = f.window.get();
    gloss::ui::PassagesDialog *list = window->passagesDialog();
    list->showPassages(passages, spy.at(0).at(1).toString());
    CHECK(list->model()->rowCount() == 14);

    // Entity x tag rows.
    dialog.setEntities(true);
    counted(dialog);
    const gloss::test::Run run
        = runGloss({QStringLiteral("report"), QStringLiteral("cooccurrence"), QStringLiteral("--entities"),
                       QStringLiteral("--format"), QStringLiteral("csv")},
            f.document->project().path());
    REQUIRE(run.code == 0);
    CHECK(QString::fromUtf8(gloss::analysis::csvBytes(dialog.csvTable())) == run.out);

    // The heat map exports whole, as SVG too.
    QTemporaryDir out;
    dialog.setEntities(false);
    counted(dialog);
    std::unique_ptr<QWidget> map(dialog.heatMapForExport());
    CHECK(map->width() > 200);
    const QString png = out.filePath(QStringLiteral("map.png"));
    REQUIRE(gloss::ui::writeWidgetPng(*map, png).isEmpty());
    CHECK_FALSE(QImage(png).isNull());
    const QString svgPath = out.filePath(QStringLiteral("map.svg"));
    REQUIRE(gloss::ui::writeWidgetSvg(*map, svgPath, QStringLiteral("Co-occurrence")).isEmpty());
    QFile svg(svgPath);
    REQUIRE(svg.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&svg);
    bool sawNumber = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isCharacters() && xml.text().trimmed() == u"7")
            sawNumber = true;
    }
    CHECK_FALSE(xml.hasError());
    CHECK(sawNumber); // the cells' numbers are text in the drawing
}

TEST_CASE("retrieved passages follow the codebook's order and print what the command line writes", "[ui][reports]")
{
    AnalysisFixture f;
    f.open();
    gloss::ui::PassagesDialog *dialog = f.window->passagesDialog();
    dialog->reload();
    QSignalSpy retrieved(dialog->counter(), &gloss::ui::ReportCounter::finished);
    dialog->retrieve();
    REQUIRE(dialog->isRetrieving());
    REQUIRE(retrieved.wait(60000));
    REQUIRE(retrieved.last().at(0).toBool());
    QAbstractItemModel *model = dialog->table()->model();
    REQUIRE(model->rowCount() > 20);
    // Zeta, then Alpha, then Mid: the codebook's order, not the names'.
    auto tagOrder = [&] {
        QStringList seen;
        for (int r = 0; r < model->rowCount(); ++r)
            if (seen.isEmpty() || seen.last() != model->index(r, 0).data().toString())
                seen.append(model->index(r, 0).data().toString());
        return seen;
    };
    CHECK(tagOrder() == QStringList{QStringLiteral("Zeta"), QStringLiteral("Alpha"), QStringLiteral("Mid")});
    dialog->table()->sortByColumn(3, Qt::AscendingOrder); // by date, then back to by tag
    dialog->table()->sortByColumn(0, Qt::AscendingOrder);
    CHECK(tagOrder() == QStringList{QStringLiteral("Zeta"), QStringLiteral("Alpha"), QStringLiteral("Mid")});

    // The command line lists them in the same order.
    const gloss::test::Run csv = runGloss(
        {QStringLiteral("report"), QStringLiteral("passages"), QStringLiteral("--format"), QStringLiteral("csv")},
        f.document->project().path());
    REQUIRE(csv.code == 0);
    QStringList cliOrder;
    for (const QStringList &row : parseCsv(csv.out).mid(1))
        if (cliOrder.isEmpty() || cliOrder.last() != row.first())
            cliOrder.append(row.first());
    CHECK(cliOrder == QStringList{QStringLiteral("Zeta"), QStringLiteral("Alpha"), QStringLiteral("Mid")});

    // What Print prints is `report passages --format html`, but for the time it was written.
    const gloss::test::Run html = runGloss(
        {QStringLiteral("report"), QStringLiteral("passages"), QStringLiteral("--format"), QStringLiteral("html")},
        f.document->project().path());
    REQUIRE(html.code == 0);
    const QRegularExpression written(QStringLiteral("written [0-9T:-]+\\."));
    QString mine = dialog->html();
    QString theirs = html.out;
    CHECK(mine.contains(written));
    mine.replace(written, QString());
    theirs.replace(written, QString());
    CHECK(mine == theirs);
}

TEST_CASE("the counts run on a worker: the window keeps painting, the result shows when the worker ends, and "
          "Cancel leaves the last count whole",
    "[ui][reports][charts][worker]")
{
    AnalysisFixture f;
    f.open();
    QSemaphore arrived;
    QSemaphore pressed;
    gloss::ui::FrequencyDialog dialog(*f.document, f.window.get());
    const Release release{pressed}; // after the dialog: let go before the dialog waits for its worker
    dialog.reload();
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    gloss::ui::ReportCounter *counter = dialog.counter();
    counter->setWorkerHook([&] {
        arrived.release();
        pressed.acquire();
    });
    QSignalSpy finished(counter, &gloss::ui::ReportCounter::finished);

    // The worker is held before counting: nothing is shown, and the window's thread is free (the
    // progress dialog appears after its delay).
    REQUIRE(dialog.setBy(QStringLiteral("month")));
    REQUIRE(dialog.setCount(QStringLiteral("articles")));
    dialog.compute();
    REQUIRE(arrived.tryAcquire(1, 30000));
    QProgressDialog *progress = counter->progressDialog();
    REQUIRE(progress);
    QTRY_VERIFY_WITH_TIMEOUT(progress->isVisible(), 10000);
    CHECK(dialog.isCounting());
    CHECK(dialog.table()->model()->rowCount() == 0);
    pressed.release();
    REQUIRE(finished.wait(60000));
    CHECK(finished.last().at(0).toBool());
    CHECK_FALSE(counter->progressDialog());
    // January 2018: three articles, all with Zeta.
    QAbstractItemModel *model = dialog.table()->model();
    REQUIRE(model->rowCount() == 5);
    CHECK(model->headerData(0, Qt::Horizontal).toString() == QStringLiteral("Month"));
    CHECK(model->index(0, 0).data().toString() == QStringLiteral("2018-01"));
    CHECK(model->index(0, 2).data().toString() == QStringLiteral("3"));
    const QByteArray before = gloss::analysis::csvBytes(dialog.csvTable());

    // By source, cancelled while the worker is held: the month count stays, whole.
    REQUIRE(dialog.setBy(QStringLiteral("source")));
    dialog.compute();
    REQUIRE(arrived.tryAcquire(1, 30000));
    progress = counter->progressDialog();
    REQUIRE(progress);
    QTRY_VERIFY_WITH_TIMEOUT(progress->isVisible(), 10000);
    QPushButton *cancel = progress->findChild<QPushButton *>();
    REQUIRE(cancel);
    QTest::mouseClick(cancel, Qt::LeftButton);
    pressed.release();
    REQUIRE(finished.wait(60000));
    CHECK_FALSE(finished.last().at(0).toBool());
    CHECK_FALSE(dialog.isCounting());
    CHECK(counter->lastError().isEmpty());
    CHECK(model->rowCount() == 5);
    CHECK(model->headerData(0, Qt::Horizontal).toString() == QStringLiteral("Month"));
    CHECK(dialog.report().by.unit == gloss::model::FrequencyUnit::Month);
    CHECK(gloss::analysis::csvBytes(dialog.csvTable()) == before);

    // Asked again while a count runs: only the last choice is shown.
    counter->setWorkerHook({});
    REQUIRE(dialog.setBy(QStringLiteral("quarter")));
    dialog.compute();
    REQUIRE(dialog.setBy(QStringLiteral("source")));
    dialog.compute();
    REQUIRE(finished.wait(60000));
    CHECK(finished.last().at(0).toBool());
    CHECK_FALSE(dialog.isCounting());
    CHECK(dialog.report().by.unit == gloss::model::FrequencyUnit::Source);
    CHECK(model->rowCount() == 2); // Dawn, The News

    // The co-occurrence map: cancelled before its first count, it shows nothing at all.
    gloss::ui::CooccurrenceDialog map(*f.document, f.window.get());
    const Release releaseMap{pressed};
    map.counter()->setWorkerHook([&] {
        arrived.release();
        pressed.acquire();
    });
    QSignalSpy mapFinished(map.counter(), &gloss::ui::ReportCounter::finished);
    map.show();
    map.compute();
    REQUIRE(arrived.tryAcquire(1, 30000));
    map.counter()->cancel();
    pressed.release();
    REQUIRE(mapFinished.wait(60000));
    CHECK_FALSE(mapFinished.last().at(0).toBool());
    CHECK(map.model()->rowCount() == 0);
    CHECK(map.report().tagIds.isEmpty());
    // Counted, it shows the three tags.
    map.counter()->setWorkerHook({});
    counted(map);
    CHECK(map.model()->rowCount() == 3);
}

TEST_CASE("an entity x tag cell lists the passages behind its count", "[ui][reports][charts]")
{
    AnalysisFixture f;
    gloss::Project &p = f.tp.project();
    // "minister" (in every Zeta passage at 4-12) in every article; "the" (inside the Mid + Alpha
    // passage at 40-50, and article 3's second Zeta passage) in every third.
    for (qsizetype i = 0; i < f.articles.size(); ++i) {
        p.entities().markSpan(f.articles.at(i), 4, 12, gloss::model::EntityType::Person);
        if (i % 3 == 0)
            p.entities().markSpan(f.articles.at(i), 43, 46, gloss::model::EntityType::Organization);
    }
    f.open();
    gloss::ui::CooccurrenceDialog dialog(*f.document, f.window.get());
    QSignalSpy spy(&dialog, &gloss::ui::CooccurrenceDialog::passagesRequested);
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    dialog.setEntities(true);
    const QHash<QString, qint64> tagOf
        = {{QStringLiteral("Zeta"), f.zeta}, {QStringLiteral("Alpha"), f.alpha}, {QStringLiteral("Mid"), f.mid}};
    for (const char *unit : {"highlight", "article"}) {
        CAPTURE(unit);
        const bool byArticle = QByteArray(unit) == "article";
        dialog.setUnit(QString::fromLatin1(unit));
        counted(dialog);
        QStandardItemModel *model = dialog.model();
        REQUIRE(model->rowCount() == 2);
        int cells = 0;
        for (int r = 0; r < model->rowCount(); ++r) {
            for (int c = 1; c < model->columnCount(); ++c) {
                CAPTURE(model->index(r, 0).data().toString(), model->headerData(c, Qt::Horizontal).toString());
                const qint64 count = model->index(r, c).data().toLongLong();
                // Enter on the cell, as a user does.
                dialog.table()->setCurrentIndex(model->index(r, c));
                spy.clear();
                QTest::keyClick(dialog.table(), Qt::Key_Return); // listed on the report worker
                REQUIRE((spy.size() == 1 || spy.wait(60000)));
                REQUIRE(spy.size() == 1);
                const auto passages = spy.at(0).at(0).value<QList<gloss::model::Passage>>();
                QSet<qint64> articles;
                for (const gloss::model::Passage &passage : passages) {
                    articles.insert(passage.articleId);
                    CHECK(passage.tagId == tagOf.value(model->headerData(c, Qt::Horizontal).toString()));
                }
                CHECK((byArticle ? qint64(articles.size()) : qint64(passages.size())) == count);
                CHECK(spy.at(0).at(1).toString().contains(model->headerData(c, Qt::Horizontal).toString()));
                cells += count > 0 ? 1 : 0;
            }
        }
        CHECK(cells == 4); // minister x Zeta; the x Zeta, Alpha, Mid
    }
    // Known by construction: "minister" is in the 12 Zeta passages at 4-12, in 12 articles.
    dialog.setUnit(QStringLiteral("highlight"));
    counted(dialog);
    QStandardItemModel *model = dialog.model();
    int minister = -1, zeta = -1;
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, 0).data().toString().startsWith(QStringLiteral("minister")))
            minister = r;
    for (int c = 1; c < model->columnCount(); ++c)
        if (model->headerData(c, Qt::Horizontal).toString() == u"Zeta")
            zeta = c;
    REQUIRE(minister >= 0);
    REQUIRE(zeta > 0);
    CHECK(model->index(minister, zeta).data().toString() == QStringLiteral("12"));
    dialog.table()->setCurrentIndex(model->index(minister, zeta));
    spy.clear();
    QTest::keyClick(dialog.table(), Qt::Key_Return); // listed on the report worker
    REQUIRE((spy.size() == 1 || spy.wait(60000)));
    REQUIRE(spy.size() == 1);
    const auto passages = spy.at(0).at(0).value<QList<gloss::model::Passage>>();
    REQUIRE(passages.size() == 12);
    for (const gloss::model::Passage &passage : passages) {
        CHECK(passage.tagId == f.zeta);
        CHECK(passage.text == QStringLiteral("minister"));
    }
    // The window lists them in the passages view, from which a double-click opens the reader.
    gloss::ui::PassagesDialog *list = f.window->passagesDialog();
    list->showPassages(passages, spy.at(0).at(1).toString());
    CHECK(list->model()->rowCount() == 12);
}
