#pragma once

#include "model/entity.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace gloss::extract {

// What Gloss knows before reading an article: places (countries and subdivisions from iso-codes,
// generated at build time, plus capitals, cities and regions), well-known organisations, and the
// words of news prose that tell a name's type without being part of it (titles, demonyms, heads
// such as "Ministry"). Built once, shared, read-only.
class Gazetteer final
{
public:
    static const Gazetteer &instance();

    struct Known
    {
        QString canonical;
        model::EntityType type;
    };
    // A known place or organisation with this key (model::nameKey), or nullptr.
    const Known *find(const QString &key) const;

    bool isTitle(const QString &key) const { return m_titles.contains(key); }
    bool isDemonym(const QString &key) const { return m_demonyms.contains(key); }
    bool isSentenceWord(const QString &key) const { return m_sentenceWords.contains(key); }
    bool isCalendarWord(const QString &key) const { return m_calendar.contains(key); }
    bool isNotAName(const QString &key) const { return m_notNames.contains(key); }
    bool isOrganizationHead(const QString &key) const { return m_orgHeads.contains(key); }
    bool isPlaceHead(const QString &key) const { return m_placeHeads.contains(key); }
    bool isOrganizationNoun(const QString &key) const { return m_orgNouns.contains(key); }
    bool isPlaceNoun(const QString &key) const { return m_placeNouns.contains(key); }
    bool isPersonNoun(const QString &key) const { return m_personNouns.contains(key); }
    bool isOtherHead(const QString &key) const { return m_otherHeads.contains(key); }
    bool isConnector(const QString &key) const { return m_connectors.contains(key); }
    bool isCorporateSuffix(const QString &key) const { return m_corporate.contains(key); }
    qsizetype placeCount() const { return m_places; }
    // Every key of every list above, once each.
    QStringList keys() const;

private:
    Gazetteer();

    QHash<QString, Known> m_known;
    QSet<QString> m_titles, m_demonyms, m_sentenceWords, m_calendar, m_notNames, m_orgHeads, m_placeHeads, m_orgNouns,
        m_placeNouns, m_personNouns, m_otherHeads, m_connectors, m_corporate;
    qsizetype m_places = 0;
};

} // namespace gloss::extract
