// Fuzz target: the entity extractor, on bytes decoded as the importer decodes a file, with a few
// names taught as a researcher teaches them. Every mention must be the text at its span, whole
// code points (the project stores code point offsets).
#include "extract/entityextractor.h"
#include "fuzzinput.h"
#include "model/namekey.h"

namespace {

const gloss::extract::EntityExtractor &extractor()
{
    static const gloss::extract::EntityExtractor e = [] {
        using gloss::model::EntityType;
        gloss::extract::EntityExtractor x;
        QHash<QString, std::pair<QString, EntityType>> known;
        const auto teach = [&known](const QString &alias, const QString &name, EntityType type) {
            known.insert(gloss::model::nameKey(alias), {name, type});
        };
        teach(QStringLiteral("Sabesp"), QStringLiteral("Sabesp"), EntityType::Organization);
        teach(QStringLiteral("Ghani"), QStringLiteral("Ashraf Ghani"), EntityType::Person);
        teach(QStringLiteral("Itaquera"), QStringLiteral("Itaquera"), EntityType::Place);
        teach(QStringLiteral("Eid"), QStringLiteral("Eid al-Fitr"), EntityType::Other);
        x.setKnownNames(known);
        return x;
    }();
    return e;
}

// A position between the two halves of a surrogate pair: no code point offset names it.
bool splitsPair(const QString &text, qsizetype at)
{
    return at > 0 && at < text.size() && text.at(at).isLowSurrogate() && text.at(at - 1).isHighSurrogate();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bool ok = false;
    const QString text = gloss::fuzz::decoded(data, size, ok);
    if (!ok)
        return 0;
    for (const gloss::model::FoundEntity &entity : extractor().extract(text)) {
        if (entity.name.trimmed().isEmpty())
            gloss::fuzz::fail("an entity without a name", text);
        if (entity.mentions.isEmpty())
            gloss::fuzz::fail("an entity without a mention", entity.name);
        for (const gloss::model::FoundMention &m : entity.mentions)
            if (m.start < 0 || m.end <= m.start || m.end > text.size() || splitsPair(text, m.start)
                || splitsPair(text, m.end) || QStringView(text).mid(m.start, m.end - m.start) != m.text)
                gloss::fuzz::fail("a mention not at its span",
                    QStringLiteral("%1 at %2..%3 of %4").arg(m.text).arg(m.start).arg(m.end).arg(entity.name));
    }
    return 0;
}
