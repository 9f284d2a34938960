#include "extract/nertagger.h"

#include "extract/gazetteer.h"

#include <QFile>
#include <QHash>
#include <QtEndian>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

namespace gloss::extract {

namespace {

constexpr char Magic[8] = {'G', 'L', 'O', 'S', 'S', 'N', 'E', 'R'};
constexpr std::uint32_t Version = 1;

// Murmur3's finaliser: spreads every input bit over the table index.
inline std::uint32_t mix(std::uint32_t h)
{
    h ^= h >> 16;
    h *= 0x85ebca6bu;
    h ^= h >> 13;
    h *= 0xc2b2ae35u;
    h ^= h >> 16;
    return h;
}

inline std::uint32_t add(std::uint32_t h, std::uint32_t v)
{
    return (h ^ v) * 16777619u;
}

constexpr std::uint32_t Seed = 2166136261u;
// The words beyond the sentence.
constexpr std::uint32_t Before = 0x5bd1e995u;
constexpr std::uint32_t After = 0x27d4eb2fu;

inline char16_t lower(char16_t c)
{
    if (c < 128)
        return (c >= u'A' && c <= u'Z') ? char16_t(c + 32) : c;
    return QChar(c).toLower().unicode();
}

inline char16_t shapeClass(char16_t c)
{
    if (c < 128) {
        if (c >= u'A' && c <= u'Z')
            return u'X';
        if (c >= u'a' && c <= u'z')
            return u'x';
        if (c >= u'0' && c <= u'9')
            return u'd';
        return c;
    }
    const QChar q(c);
    if (q.isUpper() || q.isTitleCase())
        return u'X';
    if (q.isLetter() || q.isMark())
        return u'x';
    if (q.isDigit())
        return u'd';
    return c;
}

// What features read of one token, hashed once.
struct TokenHashes
{
    std::uint32_t word, lower, shape, prefix[4], suffix[4], firstPart;
    std::uint32_t length; // 1, 2, 3, 4+ letters
    std::uint16_t gazetteer;
    bool allCaps; // two letters at least, all capitals
    bool letters;
};

void hashToken(const NerToken &token, TokenHashes &h)
{
    const QStringView t = token.text;
    const qsizetype n = t.size();
    std::uint32_t word = Seed, low = Seed, shape = Seed, first = Seed;
    char16_t lastShape = 0;
    int letters = 0, uppers = 0;
    bool inFirst = true;
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = t.at(i).unicode();
        const char16_t l = lower(c);
        word = add(word, c);
        low = add(low, l);
        if (c == u'-' && i > 0)
            inFirst = false;
        if (inFirst)
            first = add(first, l);
        const char16_t s = shapeClass(c);
        if (s == u'X' || s == u'x') {
            ++letters;
            if (s == u'X')
                ++uppers;
        }
        if (s != lastShape) {
            shape = add(shape, s);
            lastShape = s;
        }
    }
    h.word = word;
    h.lower = low;
    h.shape = shape;
    h.firstPart = inFirst ? 0u : first;
    for (int k = 0; k < 4; ++k) {
        std::uint32_t p = Seed, s = Seed;
        const qsizetype len = std::min<qsizetype>(k + 1, n);
        for (qsizetype i = 0; i < len; ++i) {
            p = add(p, lower(t.at(i).unicode()));
            s = add(s, lower(t.at(n - len + i).unicode()));
        }
        h.prefix[k] = p;
        h.suffix[k] = s;
    }
    h.length = std::uint32_t(std::min<qsizetype>(n, 4));
    h.gazetteer = token.gazetteer;
    h.allCaps = letters >= 2 && uppers == letters;
    h.letters = letters > 0;
}

// GCC turns the 40 hashes of a token into SSE2 vector code, which has no 32-bit multiply and
// emulates each with shifts and shuffles: the scalar multiplies are about a third faster.
#if defined(__GNUC__) && !defined(__clang__)
#define ScalarCode __attribute__((optimize("no-tree-vectorize")))
#else
#define ScalarCode
#endif

// The features of token i, FeatureCount of them, as table rows.
ScalarCode void tokenFeatures(const TokenHashes *h, int n, int i, std::uint32_t mask, bool headline, std::uint32_t *out)
{
    const TokenHashes &c = h[i];
    auto lowerAt = [&](int k) { return k < 0 ? Before : k >= n ? After : h[k].lower; };
    auto wordAt = [&](int k) { return k < 0 ? Before : k >= n ? After : h[k].word; };
    auto shapeAt = [&](int k) { return k < 0 ? Before : k >= n ? After : h[k].shape; };
    auto gazAt = [&](int k) { return k < 0 ? Before : k >= n ? After : std::uint32_t(h[k].gazetteer); };
    const std::uint32_t position = i == 0 ? 0u : i == 1 ? 1u : 2u;
    std::uint32_t f[NerTagger::FeatureCount] = {
        0,
        c.word,
        c.lower,
        c.shape,
        c.prefix[0],
        c.prefix[1],
        c.prefix[2],
        c.prefix[3],
        c.suffix[0],
        c.suffix[1],
        c.suffix[2],
        c.suffix[3],
        lowerAt(i - 1),
        lowerAt(i + 1),
        lowerAt(i - 2),
        lowerAt(i + 2),
        shapeAt(i - 1),
        shapeAt(i + 1),
        add(shapeAt(i - 1), c.shape),
        add(c.shape, shapeAt(i + 1)),
        add(lowerAt(i - 1), c.lower),
        add(c.lower, lowerAt(i + 1)),
        add(position, c.shape),
        add(headline ? 1u : 0u, c.lower),
        c.gazetteer,
        gazAt(i - 1),
        gazAt(i + 1),
        add(c.length, c.shape),
        add(headline ? 1u : 0u, c.shape),
        wordAt(i - 1),
        wordAt(i + 1),
        add(lowerAt(i - 1), c.shape),
        add(c.shape, lowerAt(i + 1)),
        add(c.gazetteer, c.shape),
        add(add(shapeAt(i - 2), shapeAt(i - 1)), c.shape),
        add(add(c.shape, shapeAt(i + 1)), shapeAt(i + 2)),
        add(i == n - 1 ? 1u : 0u, c.shape),
        c.firstPart,
        add(lowerAt(i - 2), lowerAt(i - 1)),
        add(lowerAt(i + 1), lowerAt(i + 2)),
    };
    for (int k = 0; k < NerTagger::FeatureCount; ++k)
        out[k] = mix(f[k] * 0x9E3779B1u + std::uint32_t(k) * 0x85ebca77u + 0x165667b1u) & mask;
}

bool isHeadline(const TokenHashes *h, int n)
{
    int caps = 0;
    for (int i = 0; i < n; ++i) {
        if (!h[i].letters)
            continue;
        if (!h[i].allCaps)
            return false;
        ++caps;
    }
    return caps >= 2;
}

// Grown to the longest sentence read on this thread, never shrunk: nothing is allocated per token.
struct Workspace
{
    std::vector<TokenHashes> hashes;
    std::vector<std::uint32_t> features;
    std::vector<std::int32_t> scores;
    std::vector<std::uint8_t> back;

    void reserve(std::size_t n)
    {
        if (hashes.size() < n) {
            hashes.resize(n);
            features.resize(n * NerTagger::FeatureCount);
            scores.resize(n * NerTagCount);
            back.resize(n * NerTagCount);
        }
    }
};

void computeFeatures(std::span<const NerToken> tokens, int bucketBits, TokenHashes *h, std::uint32_t *out)
{
    const int n = int(tokens.size());
    for (int i = 0; i < n; ++i)
        hashToken(tokens[std::size_t(i)], h[i]);
    const bool headline = isHeadline(h, n);
    const std::uint32_t mask = (1u << bucketBits) - 1;
    for (int i = 0; i < n; ++i)
        tokenFeatures(h, n, i, mask, headline, out + std::size_t(i) * NerTagger::FeatureCount);
}

} // namespace

namespace {

std::uint16_t gazetteerBits(const Gazetteer &g, const QString &key)
{
    std::uint16_t bits = 0;
    if (const Gazetteer::Known *k = g.find(key)) {
        if (k->type == model::EntityType::Place)
            bits |= NerKnownPlace;
        else if (k->type == model::EntityType::Organization)
            bits |= NerKnownOrganization;
    }
    if (g.isTitle(key))
        bits |= NerTitle;
    if (g.isDemonym(key))
        bits |= NerDemonym;
    if (g.isOrganizationHead(key))
        bits |= NerOrganizationHead;
    if (g.isPlaceHead(key))
        bits |= NerPlaceHead;
    if (g.isPersonNoun(key))
        bits |= NerPersonNoun;
    if (g.isCalendarWord(key))
        bits |= NerCalendar;
    if (g.isCorporateSuffix(key))
        bits |= NerCorporateSuffix;
    if (g.isSentenceWord(key))
        bits |= NerSentenceWord;
    if (g.isOrganizationNoun(key))
        bits |= NerOrganizationNoun;
    if (g.isPlaceNoun(key))
        bits |= NerPlaceNoun;
    if (g.isOtherHead(key))
        bits |= NerOtherHead;
    if (g.isNotAName(key))
        bits |= NerNotAName;
    if (g.isConnector(key))
        bits |= NerConnector;
    return bits;
}

} // namespace

std::uint16_t nerGazetteerBits(const QString &key)
{
    // One look-up per word rather than one per list: the bits of every word the gazetteer holds,
    // worked out once per process (any other word has none).
    static const QHash<QString, std::uint16_t> table = [] {
        const Gazetteer &g = Gazetteer::instance();
        QHash<QString, std::uint16_t> t;
        for (const QString &k : g.keys())
            if (const std::uint16_t bits = gazetteerBits(g, k))
                t.insert(k, bits);
        return t;
    }();
    return table.value(key, 0);
}

void NerTagger::features(std::span<const NerToken> tokens, int bucketBits, std::vector<std::uint32_t> &out)
{
    std::vector<TokenHashes> h(tokens.size());
    out.resize(tokens.size() * FeatureCount);
    computeFeatures(tokens, bucketBits, h.data(), out.data());
}

QByteArray NerTagger::save(int bucketBits, const std::vector<float> &weights, const std::vector<float> &transitions)
{
    float largest = 0;
    for (float w : weights)
        largest = std::max(largest, std::abs(w));
    for (float w : transitions)
        largest = std::max(largest, std::abs(w));
    const float scale = largest > 0 ? 32767.0f / largest : 1.0f;
    QByteArray raw;
    raw.append(Magic, sizeof Magic);
    auto put32 = [&](std::uint32_t v) {
        char b[4];
        qToLittleEndian(v, b);
        raw.append(b, 4);
    };
    auto put16 = [&](float w) {
        char b[2];
        qToLittleEndian(std::int16_t(std::lround(w * scale)), b);
        raw.append(b, 2);
    };
    put32(Version);
    put32(std::uint32_t(bucketBits));
    for (float w : transitions)
        put16(w);
    for (float w : weights)
        put16(w);
    return qCompress(raw, 9);
}

bool NerTagger::load(const QByteArray &file, QString *error)
{
    const QByteArray raw = qUncompress(file);
    const qsizetype header = qsizetype(sizeof Magic) + 8;
    if (raw.size() < header || std::memcmp(raw.constData(), Magic, sizeof Magic) != 0) {
        *error = QStringLiteral("not a recogniser model (wrong header or not compressed with qCompress)");
        return false;
    }
    const std::uint32_t version = qFromLittleEndian<std::uint32_t>(raw.constData() + 8);
    const std::uint32_t bits = qFromLittleEndian<std::uint32_t>(raw.constData() + 12);
    if (version != Version || bits < 8 || bits > 24) {
        *error = QStringLiteral("unsupported recogniser model (version %1, %2 bits)").arg(version).arg(bits);
        return false;
    }
    const qsizetype transitions = (NerTagCount + 1) * NerTagCount;
    const qsizetype rows = qsizetype(1) << bits;
    if (raw.size() != header + 2 * (transitions + rows * NerTagCount)) {
        *error = QStringLiteral("truncated recogniser model (%1 bytes)").arg(raw.size());
        return false;
    }
    const char *p = raw.constData() + header;
    m_transitions.resize(std::size_t(transitions));
    for (qsizetype i = 0; i < transitions; ++i, p += 2)
        m_transitions[std::size_t(i)] = qFromLittleEndian<std::int16_t>(p);
    m_weights.resize(std::size_t(rows * NerTagCount));
    // The file is little-endian, as the machines Gloss runs on: the table is copied as it is.
    if constexpr (Q_BYTE_ORDER == Q_LITTLE_ENDIAN) {
        std::memcpy(m_weights.data(), p, std::size_t(rows * NerTagCount) * sizeof(std::int16_t));
    } else {
        for (qsizetype i = 0; i < rows * NerTagCount; ++i, p += 2)
            m_weights[std::size_t(i)] = qFromLittleEndian<std::int16_t>(p);
    }
    m_bucketBits = int(bits);
    return true;
}

const NerTagger &NerTagger::instance()
{
    static const NerTagger tagger = [] {
        NerTagger t;
        QFile file(QStringLiteral(":/ner/model.bin"));
        QString error;
        if (!file.open(QIODevice::ReadOnly))
            qWarning("Gloss: the entity recogniser's model is missing from the build (:/ner/model.bin)");
        else if (!t.load(file.readAll(), &error))
            qWarning("Gloss: the entity recogniser's model cannot be read: %s", qPrintable(error));
        return t;
    }();
    return tagger;
}

void NerTagger::tag(std::span<const NerToken> tokens, std::span<NerTag> tags) const
{
    const int n = int(tokens.size());
    if (n == 0)
        return;
    if (!isLoaded()) {
        std::fill(tags.begin(), tags.end(), NerTag::O);
        return;
    }
    thread_local Workspace ws;
    ws.reserve(std::size_t(n));
    computeFeatures(tokens, m_bucketBits, ws.hashes.data(), ws.features.data());
    // Emission scores, then Viterbi over them in place. The table (2^bits rows of 18 bytes) is far
    // larger than the cache and each feature reads a row at random: the rows of the tokens ahead
    // are fetched while this one is summed, or the loads wait on memory one by one.
    std::int32_t *score = ws.scores.data();
    const std::uint32_t *features = ws.features.data();
    const std::int16_t *weights = m_weights.data();
    const auto prefetchToken = [&](int i) {
        const std::uint32_t *f = features + std::size_t(i) * FeatureCount;
        for (int k = 0; k < FeatureCount; ++k) {
            const std::int16_t *w = weights + std::size_t(f[k]) * NerTagCount;
            __builtin_prefetch(w);
            __builtin_prefetch(w + NerTagCount - 1);
        }
    };
    constexpr int Ahead = 2;
    for (int i = 0; i < std::min(n, Ahead); ++i)
        prefetchToken(i);
    for (int i = 0; i < n; ++i) {
        if (i + Ahead < n)
            prefetchToken(i + Ahead);
        std::int32_t s[NerTagCount] = {};
        const std::uint32_t *f = features + std::size_t(i) * FeatureCount;
        for (int k = 0; k < FeatureCount; ++k) {
            const std::int16_t *w = weights + std::size_t(f[k]) * NerTagCount;
            for (int t = 0; t < NerTagCount; ++t)
                s[t] += w[t];
        }
        std::copy(s, s + NerTagCount, score + std::size_t(i) * NerTagCount);
    }
    constexpr std::int32_t Never = std::numeric_limits<std::int32_t>::min() / 4;
    // allowed(p, t) for every pair, worked out once.
    constexpr std::size_t Pairs = NerTagCount * NerTagCount;
    static constexpr std::array<bool, Pairs> Allowed = [] {
        std::array<bool, Pairs> a{};
        for (int p = 0; p < NerTagCount; ++p)
            for (int t = 0; t < NerTagCount; ++t)
                a[std::size_t(p * NerTagCount + t)] = allowed(p, t);
        return a;
    }();
    for (int t = 0; t < NerTagCount; ++t)
        score[t] = allowed(-1, t) ? score[t] + m_transitions[std::size_t(t)] : Never;
    for (int i = 1; i < n; ++i) {
        std::int32_t *prev = score + std::size_t(i - 1) * NerTagCount;
        std::int32_t *cur = score + std::size_t(i) * NerTagCount;
        std::uint8_t *back = ws.back.data() + std::size_t(i) * NerTagCount;
        for (int t = 0; t < NerTagCount; ++t) {
            std::int32_t best = Never;
            int from = 0;
            for (int p = 0; p < NerTagCount; ++p) {
                if (!Allowed[std::size_t(p * NerTagCount + t)] || prev[p] == Never)
                    continue;
                const std::int32_t v = prev[p] + m_transitions[std::size_t((p + 1) * NerTagCount + t)];
                if (v > best) {
                    best = v;
                    from = p;
                }
            }
            cur[t] = best == Never ? Never : best + cur[t];
            back[t] = std::uint8_t(from);
        }
        // Scores are relative: keep the best at 0 so that a sentence of any length cannot overflow.
        std::int32_t top = Never;
        for (int t = 0; t < NerTagCount; ++t)
            top = std::max(top, cur[t]);
        if (top != Never)
            for (int t = 0; t < NerTagCount; ++t)
                if (cur[t] != Never)
                    cur[t] -= top;
    }
    const std::int32_t *last = score + std::size_t(n - 1) * NerTagCount;
    int t = int(std::max_element(last, last + NerTagCount) - last);
    for (int i = n - 1; i >= 0; --i) {
        tags[std::size_t(i)] = NerTag(t);
        if (i > 0)
            t = ws.back[std::size_t(i) * NerTagCount + std::size_t(t)];
    }
}

} // namespace gloss::extract
