#include "analysis/agreement.h"

#include <algorithm>
#include <bit>

namespace gloss::analysis {

Coincidences::Coincidences(int values)
    : m_values(std::max(values, 1))
    , m_o(std::size_t(m_values) * std::size_t(m_values), 0.0)
{ }

void Coincidences::addUnit(const QList<int> &values)
{
    std::vector<qint64> counts(std::size_t(m_values), 0);
    for (const int v : values)
        if (v >= 0 && v < m_values)
            ++counts[std::size_t(v)];
    addCounts(counts);
}

void Coincidences::addCounts(const std::vector<qint64> &counts, double weight)
{
    qint64 m = 0;
    for (const qint64 c : counts)
        m += c;
    if (m < 2 || weight <= 0)
        return;
    const double scale = weight / double(m - 1);
    const int k = std::min(m_values, int(counts.size()));
    for (int c = 0; c < k; ++c) {
        const double nc = double(counts[std::size_t(c)]);
        if (nc == 0)
            continue;
        for (int d = 0; d < k; ++d) {
            const double nd = double(counts[std::size_t(d)]);
            const double pairs = c == d ? nc * (nc - 1) : nc * nd;
            m_o[std::size_t(c * m_values + d)] += pairs * scale;
        }
    }
}

void Coincidences::add(const Coincidences &other)
{
    if (other.m_values != m_values)
        return;
    for (std::size_t i = 0; i < m_o.size(); ++i)
        m_o[i] += other.m_o[i];
}

double Coincidences::marginal(int c) const
{
    double sum = 0;
    for (int k = 0; k < m_values; ++k)
        sum += at(c, k);
    return sum;
}

double Coincidences::total() const
{
    double sum = 0;
    for (const double o : m_o)
        sum += o;
    return sum;
}

std::optional<double> Coincidences::alpha() const
{
    const double n = total();
    if (n < 2)
        return std::nullopt;
    double observed = 0; // sum over c != k of o_ck
    double squares = 0; // sum of n_c^2
    for (int c = 0; c < m_values; ++c) {
        const double nc = marginal(c);
        squares += nc * nc;
        for (int k = 0; k < m_values; ++k)
            if (k != c)
                observed += at(c, k);
    }
    const double expected = n * n - squares; // sum over c != k of n_c n_k
    // Only one value used: no variation, alpha is 0/0. A tiny remainder of rounding is no variation.
    if (expected <= n * 1e-12)
        return std::nullopt;
    return 1.0 - (n - 1) * observed / expected;
}

std::optional<double> krippendorffAlpha(const QList<QList<int>> &units)
{
    int values = 1;
    for (const QList<int> &unit : units)
        for (const int v : unit)
            values = std::max(values, v + 1);
    Coincidences o(values);
    for (const QList<int> &unit : units)
        o.addUnit(unit);
    return o.alpha();
}

std::optional<double> cohenKappa(const QList<int> &first, const QList<int> &second)
{
    int values = 1;
    for (const QList<int> *list : {&first, &second})
        for (const int v : *list)
            values = std::max(values, v + 1);
    std::vector<double> a(std::size_t(values), 0), b(std::size_t(values), 0);
    double agree = 0, n = 0;
    for (qsizetype i = 0; i < std::min(first.size(), second.size()); ++i) {
        const int x = first.at(i), y = second.at(i);
        if (x < 0 || y < 0)
            continue;
        ++a[std::size_t(x)];
        ++b[std::size_t(y)];
        agree += x == y ? 1 : 0;
        ++n;
    }
    if (n == 0)
        return std::nullopt;
    double pe = 0;
    for (int c = 0; c < values; ++c)
        pe += (a[std::size_t(c)] / n) * (b[std::size_t(c)] / n);
    if (pe >= 1.0)
        return std::nullopt;
    return (agree / n - pe) / (1.0 - pe);
}

void BinaryTally::add(quint32 present, quint32 applied, qint64 count)
{
    if (count > 0)
        m_counts[(quint64(present) << 32) | quint64(applied & present)] += count;
}

void BinaryTally::add(const BinaryTally &other)
{
    for (auto it = other.m_counts.cbegin(); it != other.m_counts.cend(); ++it)
        m_counts[it.key()] += it.value();
}

qint64 BinaryTally::pairableUnits() const
{
    qint64 units = 0;
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it)
        if (std::popcount(quint32(it.key() >> 32)) >= 2)
            units += it.value();
    return units;
}

Coincidences BinaryTally::coincidences() const
{
    Coincidences o(2);
    std::vector<qint64> counts(2);
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it) {
        const int m = std::popcount(quint32(it.key() >> 32));
        const int applied = std::popcount(quint32(it.key()));
        counts[0] = m - applied;
        counts[1] = applied;
        o.addCounts(counts, double(it.value()));
    }
    return o;
}

std::optional<double> BinaryTally::kappa(int a, int b) const
{
    double table[2][2] = {{0, 0}, {0, 0}};
    double n = 0;
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it) {
        const quint32 present = quint32(it.key() >> 32), applied = quint32(it.key());
        if (!((present >> a) & 1u) || !((present >> b) & 1u))
            continue;
        table[(applied >> a) & 1u][(applied >> b) & 1u] += double(it.value());
        n += double(it.value());
    }
    if (n == 0)
        return std::nullopt;
    const double pa = (table[1][0] + table[1][1]) / n, pb = (table[0][1] + table[1][1]) / n;
    const double po = (table[0][0] + table[1][1]) / n;
    const double pe = pa * pb + (1 - pa) * (1 - pb);
    if (pe >= 1.0)
        return std::nullopt;
    return (po - pe) / (1 - pe);
}

std::optional<double> BinaryTally::fullAgreement() const
{
    double agreeing = 0, units = 0;
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it) {
        const quint32 present = quint32(it.key() >> 32), applied = quint32(it.key());
        if (std::popcount(present) < 2)
            continue;
        units += double(it.value());
        if (applied == 0 || applied == present)
            agreeing += double(it.value());
    }
    if (units == 0)
        return std::nullopt;
    return agreeing / units;
}

bool spansMatch(qint64 start1, qint64 end1, qint64 start2, qint64 end2, double percent)
{
    const qint64 overlap = std::min(end1, end2) - std::max(start1, start2);
    if (overlap <= 0)
        return false;
    const qint64 covered = std::max(end1, end2) - std::min(start1, start2);
    // overlap / covered >= percent / 100, without dividing.
    return double(overlap) * 100.0 >= percent * double(covered) - 1e-9;
}

namespace {

struct TagCounts
{
    BinaryTally tally;
    qint64 covered = 0; // segment level: code points inside someone's highlight with the tag
    qint64 segments = 0;
    qint64 matched = 0;
    qint64 disagreements = 0;
};

model::CoderPart emptyPart(const QStringList &coders, int coder)
{
    model::CoderPart part;
    part.coder = coders.at(coder);
    return part;
}

// Segment level for the spans of one tag in one article, sorted by start: the sweep over their
// ends counts the code points by who covers them; matching and the passages of disagreement.
void segmentTag(const QStringList &coders, quint32 all, const CodedArticle &article, qsizetype tagIndex, qint64 tagId,
    const std::vector<const CodedSpan *> &spans, double overlap, TagCounts &counts,
    QList<model::Disagreement> &disagreements)
{
    const int n = int(coders.size());
    struct Event
    {
        qint64 position;
        int coder;
        int delta;
    };
    std::vector<Event> events;
    events.reserve(spans.size() * 2);
    for (const CodedSpan *s : spans) {
        const qint64 start = std::clamp<qint64>(s->start, 0, article.length);
        const qint64 end = std::clamp<qint64>(s->end, 0, article.length);
        if (end <= start)
            continue;
        events.push_back({start, s->coder, +1});
        events.push_back({end, s->coder, -1});
    }
    std::sort(events.begin(), events.end(), [](const Event &a, const Event &b) { return a.position < b.position; });
    int depth[MaxCoders] = {};
    quint32 mask = 0;
    qint64 previous = 0;
    for (const Event &e : events) {
        if (e.position > previous && mask != 0) {
            counts.tally.add(all, mask, e.position - previous);
            counts.covered += e.position - previous;
        }
        previous = e.position;
        depth[e.coder] += e.delta;
        if (depth[e.coder] > 0)
            mask |= 1u << e.coder;
        else
            mask &= ~(1u << e.coder);
    }

    // Matching: a span is matched when every other coder has a span overlapping it enough.
    std::vector<char> matched(spans.size(), 0);
    for (std::size_t i = 0; i < spans.size(); ++i) {
        const CodedSpan &s = *spans[i];
        quint32 found = 1u << s.coder;
        for (std::size_t j = 0; j < spans.size() && spans[j]->start < s.end; ++j) {
            const CodedSpan &t = *spans[j];
            if (t.coder != s.coder && !((found >> t.coder) & 1u) && spansMatch(s.start, s.end, t.start, t.end, overlap))
                found |= 1u << t.coder;
        }
        matched[i] = found == all;
    }
    counts.segments += qint64(spans.size());
    for (const char m : matched)
        counts.matched += m;

    // Passages: chains of overlapping spans; one with an unmatched span is a disagreement.
    std::size_t i = 0;
    while (i < spans.size()) {
        std::size_t j = i;
        qint64 end = spans[i]->end;
        bool agreed = matched[i];
        while (j + 1 < spans.size() && spans[j + 1]->start < end) {
            ++j;
            end = std::max(end, spans[j]->end);
            agreed = agreed && matched[j];
        }
        if (!agreed) {
            model::Disagreement d;
            d.articleId = article.articleId;
            d.tagId = tagId;
            d.start = spans[i]->start;
            d.end = end;
            for (int c = 0; c < n; ++c)
                d.parts.append(emptyPart(coders, c));
            for (std::size_t k = i; k <= j; ++k)
                d.parts[spans[k]->coder].spans.append({spans[k]->start, spans[k]->end});
            disagreements.append(d);
            ++counts.disagreements;
        }
        i = j + 1;
    }
    Q_UNUSED(tagIndex);
}

} // namespace

model::AgreementReport computeAgreement(const AgreementInput &input)
{
    model::AgreementReport report;
    report.level = input.level;
    report.coders = input.coders;
    report.overlap = input.overlap;
    report.articles = qint64(input.articles.size());
    const int n = int(input.coders.size());
    if (n < 2 || n > MaxCoders)
        return report;
    const quint32 all = n == 32 ? ~0u : (1u << n) - 1;

    QHash<qint64, qsizetype> tagIndex;
    for (qsizetype t = 0; t < input.tagIds.size(); ++t)
        tagIndex.insert(input.tagIds.at(t), t);
    std::vector<TagCounts> counts(std::size_t(input.tagIds.size()));
    qint64 totalLength = 0;
    std::vector<std::vector<const CodedSpan *>> byTag(counts.size());

    for (const CodedArticle &article : input.articles) {
        totalLength += article.length;
        for (auto &list : byTag)
            list.clear();
        for (const CodedSpan &s : article.spans) {
            const auto it = tagIndex.constFind(s.tagId);
            if (it != tagIndex.constEnd() && s.coder >= 0 && s.coder < n && s.end > s.start)
                byTag[std::size_t(*it)].push_back(&s);
        }
        for (auto &list : byTag)
            std::sort(list.begin(), list.end(), [](const CodedSpan *a, const CodedSpan *b) {
                return a->start != b->start ? a->start < b->start : a->end < b->end;
            });

        if (input.level == model::AgreementLevel::Article) {
            std::vector<quint32> applied(counts.size(), 0);
            std::vector<quint32> byArticleTag(counts.size(), 0);
            for (std::size_t t = 0; t < byTag.size(); ++t)
                for (const CodedSpan *s : byTag[t])
                    applied[t] |= 1u << s->coder;
            for (const auto &[coder, tagId] : article.articleTags) {
                const auto it = tagIndex.constFind(tagId);
                if (it != tagIndex.constEnd() && coder >= 0 && coder < n) {
                    applied[std::size_t(*it)] |= 1u << coder;
                    byArticleTag[std::size_t(*it)] |= 1u << coder;
                }
            }
            for (std::size_t t = 0; t < counts.size(); ++t) {
                counts[t].tally.add(all, applied[t], 1);
                if (applied[t] == 0 || applied[t] == all)
                    continue;
                ++counts[t].disagreements;
                model::Disagreement d;
                d.articleId = article.articleId;
                d.tagId = input.tagIds.at(qsizetype(t));
                for (int c = 0; c < n; ++c) {
                    d.parts.append(emptyPart(input.coders, c));
                    d.parts.last().articleTag = (byArticleTag[t] >> c) & 1u;
                }
                for (const CodedSpan *s : byTag[t]) {
                    d.parts[s->coder].spans.append({s->start, s->end});
                    if (d.start < 0) {
                        d.start = s->start;
                        d.end = s->end;
                    }
                }
                report.disagreements.append(d);
            }
        } else {
            for (std::size_t t = 0; t < counts.size(); ++t)
                if (!byTag[t].empty())
                    segmentTag(input.coders, all, article, qsizetype(t), input.tagIds.at(qsizetype(t)), byTag[t],
                        input.overlap, counts[t], report.disagreements);
        }
    }

    TagCounts pooled;
    auto row = [&](TagCounts &c, qint64 tagId) {
        if (input.level == model::AgreementLevel::Segment)
            c.tally.add(all, 0, totalLength - c.covered); // the code points no one highlighted
        model::TagAgreement r;
        r.tagId = tagId;
        r.tag = tagId ? input.tagPaths.value(tagId) : QString();
        r.units = c.tally.pairableUnits();
        r.alpha = c.tally.alpha();
        if (n == 2)
            r.kappa = c.tally.kappa(0, 1);
        r.segments = c.segments;
        r.matched = c.matched;
        r.disagreements = c.disagreements;
        if (input.level == model::AgreementLevel::Article)
            r.percent = c.tally.fullAgreement();
        else if (c.segments > 0)
            r.percent = double(c.matched) / double(c.segments);
        return r;
    };
    for (std::size_t t = 0; t < counts.size(); ++t) {
        report.rows.append(row(counts[t], input.tagIds.at(qsizetype(t))));
        pooled.tally.add(counts[t].tally); // already holds the uncovered code points
        pooled.segments += counts[t].segments;
        pooled.matched += counts[t].matched;
        pooled.disagreements += counts[t].disagreements;
    }
    if (input.level == model::AgreementLevel::Segment)
        pooled.covered = totalLength; // nothing more to add for the pooled row
    report.rows.append(row(pooled, 0));
    return report;
}

} // namespace gloss::analysis
