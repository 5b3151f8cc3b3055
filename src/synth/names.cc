#include "synth/names.h"

#include <array>

namespace beacon::synth {
namespace {

constexpr std::array kStarts = {"Ka", "Mo", "Tal", "Bri", "Ze", "Lo", "Ferr", "Au", "Pim", "Sa",
                                "Dro", "Quil", "Ve", "Ro", "Nai", "Jo", "Hul", "Ori", "Ce", "Wyn"};
constexpr std::array kMiddles = {"li", "ra", "ven", "do", "mi", "sel", "na", "ri", "co", "ta"};
constexpr std::array kBoyEnds = {"n", "rik", "vo", "dan", "mus", "lan", "tor", "o", "bert", "s"};
constexpr std::array kGirlEnds = {"la", "ne", "ssa", "ya", "lie", "mina", "ra", "sha", "ette",
                                  "ah"};
constexpr std::array kSurnameStarts = {"Bren", "Cor", "Ash", "Mal", "Tre", "Hol", "Fen",
                                       "Gar",  "Wex", "Lun", "Pell", "Stor", "Quor", "Dun"};
constexpr std::array kSurnameEnds = {"marsh", "wick", "ford", "by",   "cote", "ley",  "ridge",
                                     "stow",  "well", "ham",  "ton", "dale", "combe", "holt"};

template <class A>
const char* pick(Rng& rng, const A& a) {
  return a[static_cast<size_t>(rng.range(0, static_cast<int>(a.size()) - 1))];
}

}  // namespace

std::string invent_forename(Rng& rng, char sex) {
  std::string name = pick(rng, kStarts);
  if (rng.chance(0.5)) name += pick(rng, kMiddles);
  bool girl = sex == 'F' || (sex == 'U' && rng.chance(0.5));
  name += girl ? pick(rng, kGirlEnds) : pick(rng, kBoyEnds);
  return name;
}

std::string invent_surname(Rng& rng) {
  return std::string(pick(rng, kSurnameStarts)) + pick(rng, kSurnameEnds);
}

}  // namespace beacon::synth
