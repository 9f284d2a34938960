// agreement-calc: Gloss's alpha and kappa of reliability data read from standard input, for the
// comparison with independent implementations (tests/scripts/check_agreement.py).
// Input: one unit a line, one value per coder separated by spaces, "." for a missing value.
// Output: "alpha VALUE" and, with exactly two coders, "kappa VALUE" ("none" when undefined).
#include "analysis/agreement.h"

#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>

int main()
{
    QList<QList<int>> units;
    std::string line;
    int coders = 0;
    while (std::getline(std::cin, line)) {
        std::istringstream in(line);
        std::string cell;
        QList<int> unit;
        while (in >> cell)
            unit.append(cell == "." ? -1 : std::stoi(cell));
        if (unit.isEmpty())
            continue;
        coders = std::max(coders, int(unit.size()));
        units.append(unit);
    }
    auto print = [](const char *name, const std::optional<double> &v) {
        if (v)
            std::printf("%s %.12f\n", name, *v);
        else
            std::printf("%s none\n", name);
    };
    print("alpha", gloss::analysis::krippendorffAlpha(units));
    if (coders == 2) {
        QList<int> first, second;
        for (const QList<int> &u : units) {
            first.append(u.value(0, -1));
            second.append(u.value(1, -1));
        }
        print("kappa", gloss::analysis::cohenKappa(first, second));
    }
    return 0;
}
