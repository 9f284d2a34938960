#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <cstdint>
#include <span>
#include <vector>

namespace gloss::extract {

// The tags of the recogniser: outside, or the beginning or inside of a person, organisation, place
// or other name (BIO). Their order is the order of the weights in the model file.
enum class NerTag : std::uint8_t { O, BPer, IPer, BOrg, IOrg, BLoc, ILoc, BMisc, IMisc };
constexpr int NerTagCount = 9;

// What the gazetteer says about one word, as bits the recogniser reads as features.
enum NerGazetteerBit : std::uint16_t {
    NerKnownPlace = 1 << 0,
    NerKnownOrganization = 1 << 1,
    NerTitle = 1 << 2,
    NerDemonym = 1 << 3,
    NerOrganizationHead = 1 << 4,
    NerPlaceHead = 1 << 5,
    NerPersonNoun = 1 << 6,
    NerCalendar = 1 << 7,
    NerCorporateSuffix = 1 << 8,
    NerSentenceWord = 1 << 9,
    NerOrganizationNoun = 1 << 10,
    NerPlaceNoun = 1 << 11,
    NerOtherHead = 1 << 12,
    NerNotAName = 1 << 13,
    NerConnector = 1 << 14,
};

// The gazetteer's bits for a word by its key (model::nameKey).
std::uint16_t nerGazetteerBits(const QString &key);

// One token of a sentence as the recogniser reads it.
struct NerToken
{
    QStringView text;
    std::uint16_t gazetteer = 0;
};

// The statistical recogniser: an averaged perceptron over hashed features of each token (the word,
// its lower case, shape, prefixes and suffixes of one to four letters, the words and shapes around
// it, its place in the sentence, the gazetteer's bits) with first-order Viterbi decoding of BIO
// tags. The weights are a fixed table indexed by feature hash; tagging allocates nothing per token
// (a workspace grows to the longest sentence once). Trained by gloss-train-ner.
class NerTagger final
{
public:
    // The model compiled into Gloss (resources/ner), loaded on first use, once per process.
    static const NerTagger &instance();

    NerTagger() = default;
    // Reads a model file (see save()); false, with the reason in `error`, if it is not one.
    bool load(const QByteArray &file, QString *error);
    bool isLoaded() const { return !m_weights.empty(); }

    // Tags one sentence; `tags` must have tokens.size() elements.
    void tag(std::span<const NerToken> tokens, std::span<NerTag> tags) const;

    // Training (gloss-train-ner): the hashed features of every token of a sentence, FeatureCount per
    // token, each an index into the table of 1 << bucketBits rows.
    static constexpr int FeatureCount = 40;
    static void features(std::span<const NerToken> tokens, int bucketBits, std::vector<std::uint32_t> &out);
    // A model file from trained weights: `weights` has NerTagCount floats per row (1 << bucketBits
    // rows), `transitions` (NerTagCount + 1) * NerTagCount (the first row from the sentence start).
    static QByteArray save(int bucketBits, const std::vector<float> &weights, const std::vector<float> &transitions);

    // Whether tag `to` may follow `from` (an inside tag only after its own type); from == -1 is the
    // sentence start.
    static constexpr bool allowed(int from, int to)
    {
        const auto t = NerTag(to);
        if (t == NerTag::IPer || t == NerTag::IOrg || t == NerTag::ILoc || t == NerTag::IMisc)
            return from == to || from == to - 1; // I-X after B-X or I-X
        return true;
    }

private:
    int m_bucketBits = 0;
    std::vector<std::int16_t> m_weights;
    std::vector<std::int32_t> m_transitions;
};

} // namespace gloss::extract
