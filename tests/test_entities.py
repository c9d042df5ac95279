"""Behaviour of `extractors.entities` on real news sentences, plus an accuracy gate on the
seed gold (skipped when ../shared is not beside the repo)."""
from __future__ import annotations

import dataclasses
import importlib.util
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.entities import _CACHE_PREFIX, KEPT_CACHES, EntityMention, _write_cache, extract_entities, summarise
from extractors.text import Article, Line

REPO = Path(__file__).resolve().parent.parent


def stream(*paragraphs: str | tuple[str, str], articles: list[int] | None = None) -> list[Article]:
    """Articles from paragraphs (a paragraph may be (text, kind)); `articles` gives the
    article number of each paragraph (default: all in article 1)."""
    numbers = articles or [1] * len(paragraphs)
    out: dict[int, Article] = {}
    for n, (para, art) in enumerate(zip(paragraphs, numbers), 1):
        text, kind = para if isinstance(para, tuple) else (para, "body")
        out.setdefault(art, Article("test", art)).lines.append(Line(n, text, kind))
    return list(out.values())


def tagged(*paragraphs, **kw) -> list[tuple[str, str]]:
    return [(m.text, m.type) for m in extract_entities(stream(*paragraphs, **kw))]


def canon(*paragraphs, **kw) -> dict[str, str | None]:
    return {m.text: m.canonical for m in extract_entities(stream(*paragraphs, **kw))}


# --- names with particles, hyphens and titles ----------------------------------------------

def test_hyphenated_place_and_province_designator_left_out():
    assert tagged("They have also entered the northern Sar-e Pul province.") == [("Sar-e Pul", "GPE")]


def test_long_names_and_hyphenated_surnames():
    found = tagged("Sheberghan is home to notorious strongman Abdul Rashid Dostum, who returned "
                   "to Afghanistan only this week.",
                   "There were medals for CJ Ujah, Nethaneel Mitchell-Blake and Richard Kilty.")
    assert ("Abdul Rashid Dostum", "PERSON") in found
    assert ("Nethaneel Mitchell-Blake", "PERSON") in found
    assert ("Sheberghan", "GPE") in found


def test_given_names_written_with_letters_beyond_ascii_are_known():
    found = tagged("Defender Ogün Temizkanoğlu was sent off. Oğuz Çetin scored twice for the club.")
    assert ("Ogün Temizkanoğlu", "PERSON") in found and ("Oğuz Çetin", "PERSON") in found


def test_initials_possessives_particles_and_connectors_in_one_sentence():
    """Runs of capitalised words are cut into words by spaces: the offsets of initials,
    possessives, particles and "of" inside names must still be exact."""
    text = ("U.S. Secretary of State Antony J. Blinken's deputy met Abdul Rashid Dostum and "
            "al-Sharif in Sar-e Pul, said the Ministry of Defence.")
    found = [(m.text, m.type, m.start) for m in extract_entities(stream(text))]
    assert found == [("U.S.", "GPE", 0), ("Antony J. Blinken", "PERSON", 24),
                     ("Abdul Rashid Dostum", "PERSON", 55), ("al-Sharif", "PERSON", 79),
                     ("Sar-e Pul", "GPE", 92), ("the Ministry of Defence", "ORG", 108)]


def test_arabic_particle_name_on_its_own():
    assert ("al-Sharif", "PERSON") in tagged("The striker al-Sharif scored twice in the first half.")


def test_titles_are_not_part_of_the_name_and_nationality_is_split_off():
    found = tagged("On Saturday, Dostum held a meeting with Afghan President Ashraf Ghani.")
    assert ("Afghan", "NORP") in found and ("Ashraf Ghani", "PERSON") in found
    assert ("Lewis", "PERSON") in tagged("According to Mr Lewis, the new bases will launch warheads.")


def test_a_titled_name_ending_in_a_place_word_is_a_person():
    assert tagged("Dr Mike Lake visited the clinic.") == [("Mike Lake", "PERSON")]
    assert tagged("Mr Stephen Park said the squad was ready.") == [("Stephen Park", "PERSON")]
    assert tagged("Performance director Stephen Park said it was ready.") == [("Stephen Park", "PERSON")]
    assert tagged("They met in Victoria Park and at the Prince Edward Theatre.") == [
        ("Victoria Park", "FAC"), ("the Prince Edward Theatre", "FAC")]


def test_ranks_without_a_stop_and_stacked_titles_are_left_out():
    found = tagged("Gen Pinochet was arrested in London.", "Det Supt Mark Jones and Cllr Ann Smith spoke.")
    assert {("Pinochet", "PERSON"), ("Mark Jones", "PERSON"), ("Ann Smith", "PERSON")} <= set(found)


def test_lower_case_hyphen_tail_ends_a_name():
    found = tagged("Archery lost its funding before UK Sport U-turned in 2018.")
    assert ("UK Sport", "ORG") in found


def test_sentence_start_is_found_behind_a_long_run_of_quotes_and_brackets():
    """A capitalised word that is only a sentence's first word is no part of a name, however
    many quote marks and brackets stand before it (the look-back goes past them)."""
    for line in ("“ ‘ ( “ ‘ ( “ ‘ ( Controlling Kunduz means controlling the north, officials said.",
                 "Officials said:   “ ‘ ( “ ‘ ( “ ‘ ( Controlling Kunduz means controlling the north."):
        assert tagged(line) == [("Kunduz", "GPE")]


# --- organisations, nations and events ------------------------------------------------------

def test_team_gb_is_an_organisation_and_gb_a_country():
    found = tagged("Team GB have not won an Olympic medal in archery since 2004.",
                   "After winning one gold in Rio, GB won a gold and two bronzes in Japan.")
    assert ("Team GB", "ORG") in found and ("GB", "GPE") in found
    assert ("Olympic", "EVENT") in found and ("Japan", "GPE") in found


def test_sport_bodies_named_from_nation_and_sport():
    found = tagged("British Rowing performance director Brendan Purcell said it was frustrating.",
                   "It meant GB Taekwondo equalled its record haul, and Pentathlon GB faces a cut.")
    assert {("British Rowing", "ORG"), ("GB Taekwondo", "ORG"), ("Pentathlon GB", "ORG")} <= set(found)


def test_events_with_years_and_determiners():
    found = tagged("Britain finished Tokyo 2020 with 65 medals, making it better than Rio 2016.",
                   "It has had its funding increased for the Paris 2024 Olympic cycle.",
                   "Its funding for the Paris 2024 cycle has been increased.",
                   "The total was half what the sport won at the London and Rio Games.")
    assert ("Tokyo 2020", "EVENT") in found and ("Rio 2016", "EVENT") in found
    assert ("Paris 2024 Olympic", "EVENT") in found and ("Paris 2024", "EVENT") in found
    assert ("the London and Rio Games", "EVENT") in found


def test_nationalities():
    found = tagged("Afghan security forces retaliated, while the new Chinese bases grew, "
                   "the most by a Briton at a single Games in British history.")
    assert {("Afghan", "NORP"), ("Chinese", "NORP"), ("Briton", "NORP"), ("British", "NORP")} <= set(found)


def test_peoples_of_states_and_cities_named_from_the_place():
    found = tagged("Many Texans and Californians voted, while New Yorkers and Londoners stayed home.",
                   "One campaign video featured a series of South Dakotans, including children.")
    assert [t for t in found if t[1] == "NORP"] == [
        ("Texans", "NORP"), ("Californians", "NORP"), ("New Yorkers", "NORP"), ("Londoners", "NORP"),
        ("South Dakotans", "NORP")]
    # a smaller place or a frequent word is too weak a base
    assert not any(typ == "NORP" for _, typ in tagged("Olympians and Guardians met in Texas."))


def test_multiword_organisation_keeps_its_determiner():
    found = tagged("The Chair of the House of Commons Defence Select Committee continued.")
    assert found == [("the House of Commons Defence Select Committee", "ORG")]
    found = tagged("Viewers praised the BBC One's coverage. Markets watched the Bank of England's decision.")
    assert found == [("BBC One", "ORG"), ("the Bank of England", "ORG")]  # "the" is the coverage's


def test_organisation_named_before_of_and_title_words_left_out():
    found = tagged("The Ministry of Defence said flights would continue, according to Defence "
                   "Secretary Ben Wallace.")
    assert ("The Ministry of Defence", "ORG") in found and ("Ben Wallace", "PERSON") in found
    assert not any(t == "Defence" for t, _ in found)


def test_company_names_end_in_a_business_word():
    found = tagged("The show is produced by Dick Clark Productions, while analysts at Kotak "
                   "Institutional Equities said the market was sceptical.")
    assert ("Dick Clark Productions", "ORG") in found
    assert ("Kotak Institutional Equities", "ORG") in found


def test_an_abbreviated_company_word_keeps_its_full_stop():
    found = tagged("Walt Disney Co. executive Kevin Mayer said demand was high. Shares of Apple Inc rose.")
    assert ("Walt Disney Co.", "ORG") in found and ("Kevin Mayer", "PERSON") in found
    assert ("Apple Inc", "ORG") in found


def test_canonical_keeps_the_text_spelling_of_a_place():
    assert canon("He flew to Kabul.")["Kabul"] == "Kabul"


def test_town_next_to_a_score_is_a_team():
    found = tagged("Atlanta 6 Pittsburgh 1", "Derbyshire beat Worcestershire by nine wickets.")
    assert ("Pittsburgh", "ORG") in found and ("Derbyshire", "ORG") in found


@pytest.mark.parametrize("paragraph, club", [
    ("Chelsea boss Jose Mourinho has insisted the title race is not over.", "Chelsea"),
    ("Everton's keeper was hurt in the 2-0 defeat.", "Everton"),
    ("The Gunners sealed a 4-2 victory over Fulham on penalties.", "Fulham"),
    ("The striker joined Arsenal in 2001.", "Arsenal"),
    ("Liverpool are still in negotiations with a mystery investor.", "Liverpool"),
    ("He scored twice, while Newcastle were forced to draft in Kluivert.", "Newcastle"),
])
def test_a_town_or_word_written_as_a_sports_club_is_an_organisation(paragraph, club):
    assert (club, "ORG") in tagged(paragraph)


def test_a_towns_other_mentions_follow_its_club_in_the_article_but_not_in_the_town():
    found = tagged("Liverpool boss Rafael Benitez is keen to bolster his forward line.",
                   "The fee could put Liverpool off a prospective deal.",
                   "He bought a flat in Liverpool last year.")
    assert found.count(("Liverpool", "ORG")) == 2 and ("Liverpool", "GPE") in found


@pytest.mark.parametrize("paragraph, name", [
    ("England coach Sven-Goran Eriksson named his squad.", "England"),  # a nation's side is GPE
    ("Shops in central London were expecting the best Christmas ever.", "London"),
    ("It seems to me that people who like Robbie are people who do not like music.", "Robbie"),
    ("The five years since Rio have been difficult for the squad.", "Rio"),
    ("Police are investigating a leaflet.", "Police"),
])
def test_no_club_without_a_club_cue_for_the_name_itself(paragraph, name):
    assert (name, "ORG") not in tagged(paragraph)


# --- numbers, money, dates ------------------------------------------------------------------

def test_money_forms():
    found = tagged("Athletics funding was cut from £26,824,206 after the 2016 Games.",
                   "It has had its funding hugely increased to more than £2.1m.",
                   "Skateboarding received just £197,725 from UK Sport.")
    assert {("£26,824,206", "MONEY"), ("more than £2.1m", "MONEY"), ("£197,725", "MONEY")} <= set(found)
    assert ("the 2016 Games", "EVENT") in found


def test_values_dates_and_quantities():
    found = tagged("Kunduz, which has a population of more than 340,000, is about 200 miles (322km) away.",
                   "Heavy clashes started yesterday afternoon, in the last three days, and 20% of it fell.")
    assert {("more than 340,000", "CARDINAL"), ("about 200 miles", "QUANTITY"), ("322km", "QUANTITY"),
            ("yesterday afternoon", "TIME"), ("the last three days", "DATE"), ("20%", "PERCENT")} <= set(found)
    assert all(m.canonical is None for m in extract_entities(stream("It cost £5m in 2015.")))


@pytest.mark.parametrize("paragraph, value, typ", [
    ("The company also said it planned to spend 500m euros this year buying back shares.", "500m euros", "MONEY"),
    ("Sales climbed to 131.9 billion kronor from 117.7bn kronor in 2003.", "117.7bn kronor", "MONEY"),
    ("It disclosed a 4bn-euro hole in its accounts.", "4bn-euro", "MONEY"),
    ("WMC said it made net profits of 1.33bn Australian dollars in 2004.", "1.33bn Australian dollars", "MONEY"),
    ("Shares in Wembley were up 56 pence, or 7.6%, at 797p by mid-morning.", "797p", "MONEY"),
    ("Up to 1.4m workers could take part in a strike.", "Up to 1.4m", "CARDINAL"),
    ("Now Vodafone has 14m customers in the UK alone.", "14m", "CARDINAL"),
    ("The country - population 1.3bn - now has about 20 cities.", "1.3bn", "CARDINAL"),
    ("His star is the 2,277th to be embedded in the pavement.", "2,277th", "ORDINAL"),
    ("He won the 100m in 10.2 seconds.", "100m", "QUANTITY"),  # a distance stays one
    ("The deal is worth US$5 million, its owners said.", "US$5 million", "MONEY"),
    ("Shares fell to a four month low of A$4.50 on Friday.", "A$4.50", "MONEY"),
    ("The bank raised HK$2bn from the sale.", "HK$2bn", "MONEY"),
])
def test_amounts_written_with_a_scale_or_a_currency_after_them(paragraph, value, typ):
    assert (value, typ) in tagged(paragraph)


@pytest.mark.parametrize("paragraph, value, typ", [
    ("Charlton were back in front after 31 minutes.", "31 minutes", "TIME"),
    ("The match was delayed for more than two hours by rain.", "more than two hours", "TIME"),
    ("He was on the mark again two minutes later.", "two minutes later", "TIME"),
    ("It will be televised on BBC One at 1400 GMT on Saturday.", "1400 GMT", "TIME"),
    ("She set a new mark of 7.96 seconds to win the title.", "7.96 seconds", "TIME"),
    ("He represented Cardiff seats for more than 40 years.", "more than 40 years", "DATE"),
    ("Mr Wong has been blind from the age of seven.", "the age of seven", "DATE"),
    ("There are tests for over 16-year-olds.", "over 16-year-olds", "DATE"),
    ("The buses left at about 4:30 a.m. for the capital.", "about 4:30 a.m.", "TIME"),
    ("Doors open at around 7.30pm.", "around 7.30pm", "TIME"),
    ("The rate is now about 4.25 across the region.", "about 4.25", "CARDINAL"),
    ("The company struggled to sign up users last Tuesday.", "last Tuesday", "DATE"),
    ("Chelsea were beaten at home last weekend.", "last weekend", "DATE"),
    ("The talks resume next Monday in Geneva.", "next Monday", "DATE"),
    ("Kick-off is at 15.00 GMT on Saturday.", "15.00 GMT", "TIME"),
    ("The book costs 49.95 Euro.", "49.95", "CARDINAL"),
    ("The pole vault bar was set at 4.89 metres.", "4.89 metres", "QUANTITY"),
    ("Sales reached 6.23 million units.", "6.23 million", "CARDINAL"),
    ("The 31-year-old admitted interest in the Lions tour.", "31-year-old", "DATE"),
    ("Souness refused to refer to the 25-year-old by name.", "25-year-old", "DATE"),
])
def test_spans_of_time_keep_their_unit_and_modifier(paragraph, value, typ):
    assert (value, typ) in tagged(paragraph)


def test_a_name_after_the_is_no_person_by_its_context_alone():
    assert ("Big Bang", "PERSON") not in tagged("The stars formed long after the Big Bang, scientists say.")
    assert ("Michael Jackson", "PERSON") in tagged("Reporters crowded into the Michael Jackson trial.")


def test_an_age_in_apposition_is_a_date_but_a_list_of_counts_is_not():
    assert tagged("Mr Ebbers, 63, has always insisted that he was unaware of it.") == [("Ebbers", "PERSON"), ("63", "DATE")]
    assert ("12", "CARDINAL") in tagged("In 2004, 12, 13 and 14 cases were found.")


def test_a_score_is_one_count_and_half_time_none():
    assert tagged("They turned a 15-6 half-time deficit into an 18-15 lead.") == [("15-6", "CARDINAL"), ("18-15", "CARDINAL")]
    assert ("half", "CARDINAL") not in tagged("Italy led 9-8 early in the second half.")
    assert ("half", "CARDINAL") in tagged("Nearly half of the squad is injured.")


def test_no_count_is_cut_from_a_number_glued_to_a_unit():
    found = tagged("Kronberg and Dorival clocked 7.62secs and 7.63secs respectively.")
    assert not any(typ == "CARDINAL" for _, typ in found)


def test_weekdays_are_dates_not_people():
    found = tagged("A Taliban statement on Sunday said it has captured the prison.")
    assert ("Sunday", "DATE") in found and ("Taliban", "ORG") in found


# --- capitals that say nothing, headings, glued words -----------------------------------

def test_sentence_initial_common_word_is_not_a_name():
    found = tagged("Controlling Kunduz means controlling one of the most important routes.")
    assert ("Kunduz", "GPE") in found and not any("Controlling" in t for t, _ in found)


def test_a_word_of_an_organisations_name_opening_a_sentence_is_a_word_when_written_in_lower_case():
    found = tagged("Teachers chanted as hundreds of them lined entrances.",
                   "The Indiana State Teachers Association said teachers deserve more.")
    assert ("Teachers", "ORG") not in found
    assert ("Multiplex", "ORG") in tagged("Multiplex said it would appeal.", "Multiplex Group builds stadiums.")


def test_a_place_named_like_a_word_opening_a_sentence_is_the_word_when_the_text_uses_it():
    # Salé (Morocco) and Man (Ivory Coast) are cities, Never a French town (Nevers)
    assert tagged("Man auctions ad space on forehead.", "The man said so.") == []
    assert tagged("2. Never urged Ukraine to investigate Joe Biden") == [
        ("2", "CARDINAL"), ("Ukraine", "GPE"), ("Joe Biden", "PERSON")]
    assert ("China", "GPE") in tagged("China said no.", "He bought china plates.")


def test_a_surname_that_is_a_month_is_a_person_after_the_full_name():
    found = tagged("Theresa May, shadow secretary for the family, spoke in Brussels.",
                   "May said talks would go on, and Mrs May left in May.",
                   "Jose Miguel Insulza Monday said no.")
    assert found.count(("Theresa May", "PERSON")) == 1 and found.count(("May", "PERSON")) == 2
    assert ("May", "DATE") in found and ("Monday", "DATE") in found
    assert ("5 May", "DATE") in tagged("Brian May played on 5 May.")


def test_an_acronym_that_is_a_function_word_in_capitals_is_the_body():
    found = tagged("The World Health Organization (WHO) warned of a new strain on Monday.",
                   "The WHO said cases were rising, and WHO officials met. Who is to blame?")
    assert found.count(("WHO", "PERSON")) == 0 and found.count(("WHO", "ORG")) == 3
    assert not any(text == "Who" for text, _ in found)


def test_a_company_named_again_without_its_legal_suffix_has_the_full_name():
    names = canon("Apple Inc. reported record profits on Tuesday in California.",
                  "Apple said iPhone sales rose. The Walt Disney Co. said profits fell. Disney shares dropped.")
    assert (names["Apple"], names["Disney"]) == ("Apple Inc.", "Walt Disney Co.")
    assert canon("Barclays Bank said it would cut jobs. Barclays shares fell.")["Barclays"] == "Barclays"


def test_companies_whose_names_read_like_people_are_organisations():
    found = tagged("Investment bank Morgan Stanley and Goldman Sachs cut jobs, while Fannie Mae restated earnings.",
                   "Actor Morgan Freeman and footballer Rio Ferdinand arrived in Rio de Janeiro.")
    assert {("Morgan Stanley", "ORG"), ("Goldman Sachs", "ORG"), ("Fannie Mae", "ORG")} <= set(found)
    assert {("Morgan Freeman", "PERSON"), ("Rio Ferdinand", "PERSON")} <= set(found)


def test_an_event_named_with_its_nationality_or_its_number_is_one_event():
    found = tagged("Lewis Hamilton won the British Grand Prix at Silverstone, and the Chiefs won Super Bowl LIV.")
    assert ("the British Grand Prix", "EVENT") in found and ("Super Bowl LIV", "EVENT") in found


def test_initials_and_a_surname_are_a_person():
    assert ("J.K. Rowling", "PERSON") in tagged("She met J.K. Rowling in London.")
    assert ("J.J. Abrams", "PERSON") in tagged("Star Trek Into Darkness was directed by J.J. Abrams.")
    assert ("P.O. Box", "PERSON") not in tagged("Write to P.O. Box 69440, Los Angeles.")
    assert ("U.S. Treasuries", "PERSON") not in tagged("Investors bought U.S. Treasuries.")


def test_a_name_written_mid_sentence_keeps_its_first_word_opening_a_sentence():
    # "New" opening a sentence says nothing, but the text also writes "said New Labour".
    found = tagged("She said New Labour had failed. New Labour won in 1997.")
    assert found.count(("New Labour", "ORG")) == 2
    found = tagged("Controlling Kunduz means controlling the north, the governor said.")
    assert found == [("Kunduz", "GPE")]


def test_an_everyday_word_in_capitals_is_shouted_not_an_acronym():
    found = tagged('"GET OUT and VOTE on November 5th for your GREAT Governor," Trump tweeted. '
                   "The FBI and NASA said it was a BIG day.")
    assert ("FBI", "ORG") in found and ("NASA", "ORG") in found and ("Trump", "PERSON") in found
    assert not {"GET", "OUT", "VOTE", "GREAT", "BIG"} & {t for t, _ in found}


def test_headings_and_stat_lines_are_tagged():
    found = tagged(("Archery", "section_heading"), ("Funding amount: £1,122,879", "stat_line"),
                   ("Medals: 6 (3 silver, 3 bronze)", "stat_line"))
    assert found == [("£1,122,879", "MONEY"), ("6", "CARDINAL"), ("3", "CARDINAL"), ("3", "CARDINAL")]


def test_title_case_headline_names_come_from_lookup_not_capitals():
    found = tagged(("Taliban Seize Key Afghan City Of Kunduz", "headline"),
                   "The Taliban have captured the key northern Afghan city of Kunduz.")
    assert found[:3] == [("Taliban", "ORG"), ("Afghan", "NORP"), ("Kunduz", "GPE")]


def test_headline_style_title_case_with_lower_case_short_words():
    """AP-style headlines keep "at", "to", "of" in lower case: still Title Case, so its
    capitalised words are not read as a name ("Shot at Dallas Gas Station Dies")."""
    found = tagged(("Man Shot at Dallas Gas Station Dies at Hospital", "subheading"),
                   "A man shot at a Dallas gas station has died in hospital, police said.")
    assert found == [("Dallas", "GPE"), ("Dallas", "GPE")]


def test_a_heading_made_of_names_keeps_its_people():
    found = tagged("Nuclear nonproliferation expert Jeffrey Lewis spoke to Bret Baier.",
                   ("Jeffrey Lewis and Bret Baier", "subheading"))
    assert found.count(("Jeffrey Lewis", "PERSON")) == 2 and found.count(("Bret Baier", "PERSON")) == 2


def test_all_capitals_wire_headline():
    found = tagged("SOCCER - JAPAN GET LUCKY WIN, CHINA IN SURPRISE DEFEAT.")
    assert found == [("JAPAN", "GPE"), ("CHINA", "GPE")]


def test_debris_lines_are_skipped():
    assert tagged(("Please use Chrome browser for a more accessible video player", "boilerplate")) == []


def test_place_glued_inside_a_word_has_exact_offsets():
    text = "A Taliban offensive acrossAfghanistanhas continued to grow."
    mentions = extract_entities(stream(text))
    glued = [m for m in mentions if m.text == "Afghanistan"]
    assert glued and (glued[0].start, glued[0].end) == (26, 37)


# --- canonical entities ---------------------------------------------------------------------

def test_surname_takes_the_nearest_full_name_in_its_article():
    found = canon("Hannah Mills won gold, adding to Giles Scott's Finn gold.",
                  "After winning his second Finn title, Scott said sailing was in a good place.",
                  "Duncan Scott claimed four medals in the pool.")
    assert found["Scott"] == "Giles Scott" and found["Duncan Scott"] == "Duncan Scott"


def test_first_name_alone_takes_the_one_full_name_it_can_stand_for():
    found = canon("Taylor Swift said she would perform at the awards on Sunday.",
                  "The label said Taylor could perform live anywhere.")
    assert found["Taylor"] == "Taylor Swift"
    two = canon("Matt Bevin and Matt Roberts met in Frankfort.", "Officials said Matt had left.")
    assert two["Matt"] == "Matt"  # two people of that name: left as written


def test_a_surname_that_is_also_a_city_stays_the_person():
    found = canon("Former Conservative leader William Hague says he will not stand again.",
                  "Mr Hague, 43, told the Daily Telegraph he would find politics boring.")
    assert found["Hague"] == "William Hague"
    assert "Former Conservative" not in found


def test_leading_pre_modifier_is_not_part_of_the_name():
    found = tagged("Teenager Sania Mirza completed a superb week at the Hyderabad Open.")
    assert ("Sania Mirza", "PERSON") in found


def test_holidays_are_dates():
    found = tagged("Sales rose over Christmas and the New Year, and on Boxing Day shoppers queued.")
    assert found == [("Christmas", "DATE"), ("the New Year", "DATE"), ("Boxing Day", "DATE")]
    assert tagged("Retailers expect record sales on Black Friday.") == [("Black Friday", "DATE")]


@pytest.mark.parametrize("paragraph, name, typ", [
    ("Wales won the Six Nations championship for the first time since 1994.", "the Six Nations", "EVENT"),
    ("South Africa are the Tri-Nations champions.", "Tri-Nations", "EVENT"),
    ("He told BBC Radio 4's Today programme that it was wrong.", "BBC Radio 4", "ORG"),
    ("Speaking on Radio 5 Live, he said he would stay.", "Radio 5 Live", "ORG"),
])
def test_a_number_inside_a_name_stays_in_it(paragraph, name, typ):
    found = tagged(paragraph)
    assert (name, typ) in found and not any(t == "CARDINAL" for _, t in found)


def test_a_towns_name_and_city_is_its_club_unless_a_city_is_so_named():
    found = tagged("Manchester City beat Stoke City while fans in Mexico City and Quebec City watched.")
    assert found == [("Manchester City", "ORG"), ("Stoke City", "ORG"), ("Mexico City", "GPE"),
                     ("Quebec City", "GPE")]


@pytest.mark.parametrize("paragraph, name, typ", [
    ("The Los Angeles Lakers said they would appeal.", "The Los Angeles Lakers", "ORG"),
    ("Milton Keynes Dons beat Peterborough.", "Milton Keynes Dons", "ORG"),
    ("Howard Wells said he would stay.", "Howard Wells", "PERSON"),  # Howard is a town too
])
def test_a_place_of_several_words_and_a_plural_is_a_team(paragraph, name, typ):
    assert (name, typ) in tagged(paragraph)


@pytest.mark.xfail(strict=True, reason="the gazetteer's Cleveland is a small town and a given name: a person")
def test_a_small_towns_name_and_a_plural_is_a_team():
    assert ("Cleveland Browns", "ORG") in tagged("The Cleveland Browns signed him.")


def test_a_club_named_after_its_city_is_no_person_whatever_the_verb():
    found = tagged("Real Madrid said they were interested.", "Bayern Munich confirmed the deal.",
                   "Paris Hilton said she was happy.")
    assert found == [("Real Madrid", "ORG"), ("Bayern Munich", "ORG"), ("Paris Hilton", "PERSON")]


@pytest.mark.parametrize("paragraph, award", [
    ("Eastwood took his second Oscar for best director.", "Oscar"),
    ("Leigh had previously received three Oscar nominations.", "Oscar"),
    ("Clive Owen has won a Golden Globe and a Bafta for his role.", "Golden Globe"),
    ("R&B star Jamelia had three Brit nominations.", "Brit"),
])
def test_an_award_named_for_its_prize_is_an_event(paragraph, award):
    assert (award, "EVENT") in tagged(paragraph)


def test_an_awards_name_without_an_award_cue_keeps_its_other_reading():
    assert tagged("Oscar Wilde wrote it.", "They make a crazy Brit family.") == [
        ("Oscar Wilde", "PERSON"), ("Brit", "NORP")]


def test_a_given_name_after_a_or_an_is_a_thing():
    found = tagged("She won an Oscar for the role.", "Oscar Pistorius said he was innocent.",
                   "Shir Mohammad, a Jawzjan provincial council member, said the city had fallen.")
    assert ("Oscar", "PERSON") not in found and ("Oscar Pistorius", "PERSON") in found
    assert ("Jawzjan", "GPE") in found


@pytest.mark.parametrize("line, name, typ", [
    ("Pollution is worst in North India this winter.", "North India", "GPE"),
    ("Hundreds of people marched in South London on Sunday.", "South London", "GPE"),
    ("Officials in Inner Mongolia said the mine had closed.", "Inner Mongolia", "GPE"),
    ("Police in Osun State arrested two men.", "Osun State", "GPE"),
    ("Ohio State won the game.", "Ohio State", "ORG"),
    ("Islamic State claimed the attack.", "Islamic State", "ORG"),
])
def test_parts_and_states_of_known_places(line, name, typ):
    assert (name, typ) in tagged(line)


@pytest.mark.parametrize("line, place, person", [
    ("Former U.S. ambassador to Ukraine Marie Yovanovitch testified on Friday.", "Ukraine", "Marie Yovanovitch"),
    ("Governor of Texas Greg Abbott signed the bill.", "Texas", "Greg Abbott"),
    ("The president of France Emmanuel Macron spoke first.", "France", "Emmanuel Macron"),
])
def test_a_place_ending_a_title_is_cut_from_the_name_after_it(line, place, person):
    found = tagged(line)
    assert (place, "GPE") in found and (person, "PERSON") in found


def test_a_body_named_after_a_place_stays_whole_after_a_title():
    assert ("China Aviation Oil", "ORG") in tagged("The director of China Aviation Oil resigned.")


def test_a_legislator_title_is_no_part_of_a_name():
    found = tagged("Committee chairman Labour MP Jean Corston said each death is one too many.")
    assert ("Jean Corston", "PERSON") in found and not any(t == "PERSON" and "MP" in n for n, t in found)


def test_a_title_opening_with_a_frequent_ing_word_is_no_person():
    found = tagged("It was followed by Finding Nemo and Saving Private Ryan at the box office.",
                   "Fans cheered as Sterling Moss drove past.")
    assert not any(t == "PERSON" and n in ("Finding Nemo", "Saving Private Ryan") for n, t in found)
    assert ("Sterling Moss", "PERSON") in found


def test_a_title_holding_a_capitalised_function_word_is_no_person():
    found = tagged("He starred in Thou Shalt Not on Broadway.", "Maroon 5 released Songs About Jane.")
    assert not any(t == "PERSON" for _, t in found)


def test_stacked_titles_alone_name_no_one_but_a_surname_after_a_title_does():
    found = tagged("Lord Woolf, who is Lord Chief Justice of England and Wales, spoke.",
                   "Mr King said rates would rise.")
    assert not any(n == "Chief Justice" for n, _ in found)
    assert ("King", "PERSON") in found


def test_a_time_adverb_opening_a_sentence_is_no_part_of_a_name():
    assert ("Irving Berlin", "PERSON") in tagged("Later Irving Berlin sang the song.")


def test_a_name_in_camel_case_is_no_misspelt_place():
    found = tagged("Fans cheered as LeBron scored again.", "The Taliban took Nimruz on Friday.")
    assert ("LeBron", "GPE") not in found and ("Nimruz", "GPE") in found


@pytest.mark.parametrize("name, paragraphs", [
    ("Yukos", ("Yukos said it would appeal.", "Yukos shares fell 5% in Moscow.")),
    ("Ryanair", ("Ryanair said fares would fall.", "Ryanair's chief executive Michael O'Leary agreed.")),
    ("Netcraft", ("Netcraft said the number of sites grew.", "Netcraft, the internet monitoring firm, counts them.")),
    ("Xstrata", ("Investors bought shares in Xstrata on Monday.", "Xstrata said the bid was too low.")),
    ("Macrovision", ("Technology firm Macrovision said it would appeal.", "Macrovision said sales rose.")),
    ("Zentrix", ("Zentrix, a Swiss watchmaker, said sales rose.", "Zentrix said it would hire staff.")),
    ("Marlow", ("Marlow, the UK's biggest retailer, said sales rose.",)),
    ("Velora", ("Velora, a global payments provider based in Leeds, said sales rose.", "Velora said it would grow.")),
])
def test_a_bare_name_written_as_a_company_is_an_organisation(name, paragraphs):
    assert {typ for text, typ in tagged(*paragraphs) if text == name} == {"ORG"}


def test_a_known_surname_opening_a_sentence_stays_a_person():
    assert tagged("John Smith sold shares.", "Smith said he would sell more.") == [
        ("John Smith", "PERSON"), ("Smith", "PERSON")]


def test_the_before_a_name_that_modifies_a_noun_is_the_nouns():
    found = tagged("A Sony representative told the BBC News website this was wrong.",
                   "He has not played since the World Cup final in November 2003.")
    assert ("BBC News", "ORG") in found and ("World Cup", "EVENT") in found


def test_a_generic_word_after_a_name_is_no_part_of_it():
    found = tagged("A US TV network is editing the film.", "Guy Mansfield QC warned there was a real risk.",
                   "Tony Lloyd, the Manchester Central MP, signed the motion.")
    assert ("US", "GPE") in found and ("Guy Mansfield", "PERSON") in found
    assert "Manchester Central" in [name for name, _ in found] and ("Tony Lloyd", "PERSON") in found


def test_the_goes_with_place_names_that_take_it_only():
    found = tagged("Voters in the East Kilbride seat and the New Zealand public agree with the United States, "
                   "the Czech Republic and the Gaza Strip.")
    assert found == [("East Kilbride", "GPE"), ("New Zealand", "GPE"), ("the United States", "GPE"),
                     ("the Czech Republic", "GPE"), ("the Gaza Strip", "GPE")]


def test_formats_written_as_acronyms_are_no_organisations():
    assert tagged("Sony said DVD sales rose and the new CD player uses GPS and USB.") == [("Sony", "ORG")]
    assert tagged("Your ISP can see the IP address of every PVR that uses VoIP.") == []


def test_technologies_and_honours_written_as_acronyms_are_no_organisations_but_firms_so_named_are():
    found = tagged("The Visual Radio content is transmitted by existing GPRS technology.",
                   "Dame Judi Dench OBE backed the RFID tags.",
                   "UK condom maker SSL International has refused to comment.")
    assert ("GPRS", "ORG") not in found and ("RFID", "ORG") not in found and ("OBE", "ORG") not in found
    assert ("SSL International", "ORG") in found


@pytest.mark.parametrize("paragraph, body", [
    ("\"It is cheap,\" said Marc Touati, an economist at Natexis Banques Populaires.", "Natexis Banques Populaires"),
    ("Malcolm Seagrave, security expert at Energis, said attacks were rising.", "Energis"),
    ("\"It will rise,\" said Robert MacIntosh, chief economist with Eaton Vance Management.", "Eaton Vance Management"),
])
def test_the_name_after_a_job_and_at_or_with_is_a_body(paragraph, body):
    assert (body, "ORG") in tagged(paragraph)


def test_a_common_word_opening_a_sentence_takes_no_type_from_other_articles():
    found = tagged("Mr People said the plan would fail.",
                   "People are angry about the plan, the mayor of Leeds said.", articles=[1, 2])
    assert found == [("People", "PERSON"), ("Leeds", "GPE")]


def test_a_group_opening_the_sentence_is_no_person():
    found = tagged("Officials have warned people to stay away from infected animals.",
                   "Witnesses said the Taliban entered Kunduz at dawn.")
    assert found == [("Taliban", "ORG"), ("Kunduz", "GPE")]


def test_surname_resolved_across_articles_when_unambiguous():
    mentions = extract_entities(stream("Nuclear nonproliferation expert Jeffrey Lewis warned of silos.",
                                       "According to Mr Lewis, the bases are new.", articles=[1, 2]))
    assert [m.canonical for m in mentions if m.type == "PERSON"] == ["Jeffrey Lewis", "Jeffrey Lewis"]


def test_spelling_and_transliteration_variants_merge():
    found = canon("Shir Mohammad, a Jawzjan provincial council member, said the city had fallen.",
                  "The attack on Sheberghan, capital of Jowzjan province, continued.",
                  "Zaranj, capital of Nimruz, fell. This includes Afghanistan's Nimroz province.",
                  "They entered the Sar-e Pul province. Another city, Sar-e-Pul, was captured.",
                  "Amruddin Wali said clashes had started. Amrudddin Wali, a member, said so.")
    assert found["Jawzjan"] == found["Jowzjan"]
    assert found["Nimruz"] == found["Nimroz"]
    assert found["Sar-e Pul"] == found["Sar-e-Pul"]
    assert found["Amruddin Wali"] == found["Amrudddin Wali"]


def test_a_short_acronym_is_no_town_of_that_name():
    found = tagged("The consultancy has been working with the ILO on its technical specification.")
    assert found == [("ILO", "ORG")]


def test_only_a_bare_games_is_the_olympic_games():
    found = canon("The Oscars will be held in Los Angeles on Sunday.",
                  "Brexit dominated the debate before the Olympics.", "The Paralympics open next week.")
    assert (found["Oscars"], found["Brexit"]) == ("Oscars", "Brexit")
    assert (found["Olympics"], found["Paralympics"]) == ("Olympic Games", "Paralympic Games")


def test_acronym_takes_its_expansion():
    found = canon("Only the airport is with ANDSF from where they are resisting.",
                  "The resident referred to the Afghan National Defense and Security Forces.")
    assert found["ANDSF"] == "Afghan National Defense and Security Forces"


def test_country_aliases_share_one_canonical():
    found = canon("Britain finished with 65 medals.", "Great Britain won seven medals.",
                  "GB won a gold.", "It was aided by the US and the entire United States.")
    assert found["Britain"] == found["Great Britain"] == found["GB"]
    assert found["US"] == found["United States"]


def test_summary_rows_with_roles():
    articles = stream("Mohammad Noor Rahmani, a provincial council member of Sar-e Pul province, said "
                      "the Taliban had been driving officials out.",
                      "Nuclear nonproliferation expert Jeffrey Lewis warned the sites were capable.",
                      "According to Mr Lewis, the new Chinese bases will be able to launch warheads.")
    rows = {r.name: r for r in summarise(extract_entities(articles), articles)}
    assert rows["Mohammad Noor Rahmani"].role == "a provincial council member of Sar-e Pul province"
    assert rows["Jeffrey Lewis"].role == "Nuclear nonproliferation expert"
    assert rows["Jeffrey Lewis"].mentions == 2 and rows["Jeffrey Lewis"].variants == ["Jeffrey Lewis", "Lewis"]


@pytest.mark.parametrize("paragraph, name, role", [
    ("Souness joined Sir Alex Ferguson at the club.", "Alex Ferguson", None),
    ("Mr Tony Blair said the vote would go ahead.", "Tony Blair", None),
    ("The ruling was a blow to two-time defending champion Jade Jones.", "Jade Jones", "two-time defending champion"),
    ("He was accused of illegally concealing Gen Augusto Pinochet.", "Augusto Pinochet", "Gen"),
    ("But the Scottish Executive has insisted Mr Jack McConnell was joking.", "Jack McConnell", None),
    ("He said that perhaps Mr Jack McConnell was joking.", "Jack McConnell", None),
    ("Foreign Secretary Mr Jack Straw flew to Washington.", "Jack Straw", "Foreign Secretary"),
    ("Labour chairman Ian McCartney last year described shadow chancellor Oliver Letwin as a risk.",
     "Oliver Letwin", "shadow chancellor"),
    ("Earlier Foreign Secretary Jack Straw said he would stay.", "Jack Straw", "Foreign Secretary"),
    ("The line-up will include singer Jamie Cullum.", "Jamie Cullum", "singer"),
    ("Ricardo Fuller scored, but Kolo Toure, the Pompey midfielder planted his shot wide.", "Kolo Toure",
     "the Pompey midfielder"),
    ("The launch was cheered by the industry's newcomers - Amazon founder Jeff Bezos among them.", "Jeff Bezos",
     "Amazon founder"),
    ("While fans watched the new series on Netflix, the real Prince Edward was giving an interview.", "Netflix",
     None),
])
def test_a_role_before_a_name_stops_at_a_verb_and_is_no_courtesy_title(paragraph, name, role):
    articles = stream(paragraph)
    rows = {r.name: r for r in summarise(extract_entities(articles), articles)}
    assert rows[name].role == role


# --- products on web pages are not people ----------------------------------------------------

def names_of(found: list[tuple[str, str]], typ: str) -> set[str]:
    return {text for text, t in found if t == typ}


def test_product_editions_and_models_are_not_people():
    found = tagged("Save $31 if you get a turquoise Switch Lite with your choice of Pokemon Sword "
                   "or Shield and a case. Save $21 if you want the Zacian and Zamazenta Edition.",
                   "The Lexus LC 500 Convertible will go on sale in summer 2020.",
                   "It's paired with a 9th generation Intel Core i5 processor, 8GB of memory.")
    people = names_of(found, "PERSON")
    assert not people & {"Switch Lite", "Pokemon Sword", "Zamazenta Edition", "Lexus LC", "Lexus",
                         "Intel Core"}


def test_accessories_are_not_organisations():
    found = tagged("The Magic Keyboard and the Nighttime Supplement ship with a USB-C PD Car Charger.")
    assert not [text for text, typ in found if typ in ("ORG", "PERSON")]


def test_a_maker_alone_is_an_organisation_but_its_products_are_not_reported():
    found = tagged("Nissan said the recall covers 1.2 million cars in the United States.",
                   "Owners can book a repair through the Nissan Connect app.")
    assert ("Nissan", "ORG") in found
    assert not [text for text, _ in found if text.startswith("Nissan Connect")]
    found = tagged("Microsoft released a patch for Windows XP. Sony has sold a million PSP consoles.")
    assert ("Microsoft", "ORG") in found and ("Sony", "ORG") in found
    assert not {"Windows", "Windows XP", "PSP"} & {text for text, _ in found}


def test_a_maker_with_an_organisation_word_or_a_region_is_still_an_organisation():
    found = tagged("Samsung Electronics reported a 56% fall in operating profit on Thursday.",
                   "A spokesman for Nintendo Europe said the console would ship in March.")
    assert ("Samsung Electronics", "ORG") in found and ("Nintendo Europe", "ORG") in found


def test_bare_product_word_is_no_name_but_a_given_name_stays():
    found = tagged("We've spent the last several days taking the new Pro for a spin.",
                   "Max Verstappen won in Brazil, and his team said Max had driven a perfect race.")
    assert "Pro" not in {text for text, _ in found}
    assert ("Max", "PERSON") in found


def test_event_head_alone_is_no_event_but_a_named_event_is():
    found = tagged("The Series 3 features an aluminum case that's waterproof.",
                   "England reached the final of the World Cup in Moscow.",
                   "She won two Oscars and a Bafta.")
    assert "Series" not in {text for text, _ in found}
    assert ("the World Cup", "EVENT") in found and ("Oscars", "EVENT") in found


def test_names_made_of_common_words_are_not_people_unless_something_says_so():
    found = tagged("Turn the Digital Crown to scroll; the watch runs Fallen Order and the new "
                   "Resident Evil remake without a stutter.",
                   "LeBron James scored 30 points, and Magic Johnson said he was the best.")
    people = names_of(found, "PERSON")
    assert not people & {"Digital Crown", "Fallen Order", "Resident Evil"}
    assert {"LeBron James", "Magic Johnson"} <= people


def test_a_place_or_office_before_a_role_word_is_no_person():
    found = tagged("South Dakota Gov. Kristi Noem said the campaign cost $449,000.",
                   "Hawaii Rep. Tulsi Gabbard and Senior Vice President Phil Schiller spoke.")
    people = names_of(found, "PERSON")
    assert {"Kristi Noem", "Tulsi Gabbard", "Phil Schiller"} <= people
    assert not people & {"South Dakota Gov", "Hawaii Rep", "Senior Vice President"}
    assert {("South Dakota", "GPE"), ("Hawaii", "GPE")} <= set(found)


def test_a_given_name_before_a_title_word_keeps_the_person():
    assert ("Martin Luther King", "PERSON") in tagged("Martin Luther King spoke in Washington.")


def test_an_item_on_sale_is_not_a_person_but_a_deal_price_leaves_names_alone():
    found = tagged("Amazon is offering the Sonos Move for $400 this week.",
                   "Tribune agreed to buy out Michael Ferro for $13 a share, and Activision "
                   "Blizzard was sold to Microsoft for $69bn.")
    assert "Sonos Move" not in {text for text, _ in found}
    assert ("Michael Ferro", "PERSON") in found and ("Microsoft", "ORG") in found


def test_contractions_and_abbreviated_titles_alone_are_no_names():
    found = tagged("We’ve tested it for a month. You’re going to love it, Dr said.")
    assert not {text for text, _ in found} & {"We’ve", "You’re", "Dr"}


def test_surnames_that_are_product_words_elsewhere_stay_people():
    """Only the last word of a name makes it a product: a person introduced by a given
    name keeps the type whatever their surname is."""
    found = tagged("Senior Vice President Phil Schiller showed the new laptop, and Schiller said "
                   "it would ship next week.")
    assert ("Phil Schiller", "PERSON") in found


# --- known misses ---------------------------------------------------------------------------

@pytest.mark.xfail(strict=True, reason="equipment and boat classes (PRODUCT) are not recognised")
def test_boat_class_is_a_product():
    assert ("Finn", "PRODUCT") in tagged("Giles Scott won his second successive Finn title.")


@pytest.mark.xfail(strict=True, reason="a misspelt range ('four of five years') is read as two values")
def test_misspelt_range_is_one_date():
    assert ("the next four of five years", "DATE") in tagged("We have about the next four of five years.")


@pytest.mark.xfail(strict=True, reason="a colour or edition after a product and before a price is read as a town")
def test_colour_of_a_product_is_not_a_place():
    assert not names_of(tagged("PS4 DualShock Controller in Crystal for $39.99"), "GPE")


@pytest.mark.xfail(strict=True, reason="'True Tone' ends with a given name, so it may be a person's")
def test_display_feature_names_are_not_people():
    people = names_of(tagged("The Liquid Retina display with True Tone is easy on the eyes."), "PERSON")
    assert not people & {"Liquid Retina", "True Tone"}


# --- contract -------------------------------------------------------------------------------

def test_records_are_picklable_and_field_order_is_the_contract():
    mentions = extract_entities(stream("Taliban fighters have taken control of Kunduz."))
    assert pickle.loads(pickle.dumps(mentions)) == mentions
    assert [f.name for f in dataclasses.fields(EntityMention)] == \
        ["source", "article", "line", "start", "end", "text", "type", "canonical"]
    assert pickle.loads(pickle.dumps(extract_entities)) is extract_entities


NEWS_WORDS = ["Kabul", "Taliban", "Mr", "Lewis", "said", ",", "a", "member", "of", "the", "Team", "GB",
              "2020", "£2.1m", "more than", "Sar-e-Pul", "al-Sharif", "acrossAfghanistanhas", "Games",
              "İstanbul", "O'Brien", "U.S.", "W.", "and", "Committee", "on", "May", "1,000", "-52kg", "%"]


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=120),
                 st.lists(st.sampled_from(NEWS_WORDS), max_size=30).map(" ".join)),
       st.sampled_from(["body", "headline", "stat_line"]))
def test_offsets_always_slice_to_the_text(text, kind):
    lines = {1: text, 2: text.upper()}
    articles = [Article("p", 1, [Line(1, text, kind)]), Article("p", 2, [Line(2, text.upper())])]
    mentions = extract_entities(articles)
    for m in mentions:
        assert m.start < m.end and lines[m.line][m.start:m.end] == m.text
    summarise(mentions, articles)


def test_empty_and_odd_input():
    assert extract_entities([]) == []
    assert extract_entities(stream("", "   ", "’‘“”", "1,2,3,4,5,6,7,8,9,0" * 50)) is not None



ROUTING_CASES = [
    "Onepercent of voters, tenper cent of them", "A hundred years ago, an hour-old calf", "ſeveral days",
    "in the 1990s and the mid-1990s", "US$5m, HK$ 3bn, A$3 and C$4", "a +5km climb and -3kg", "at the age of 5",
    "on Mondays since Sept. 5, 2001", "at least five miles, as many as 300 dollars", "a few weeks later, in years",
    "a tenth of a second at 4.30pm", "between two and three", "İstanbul 5", "twenty-onepercent",
    "the last two years, the First World War in 1914", "Over 30%, about a dozen, nearly half",
    "The next 24 hours, the three-year deal, a-year, The mid-1990s, the first two weeks, the a-year",
    "a thousand miles, A Dozen eggs, a day later, a decade, a century ago, the an hour", "a$5",
    "A4 paper, mp3s, G8-7, x-5, 30-40%, 6x4in, 1,000,000 years, a 5-year-old, 12:30pm, 7 pm, 3rd, "
    "1990s, 2,000 people, 12 March 2004, 45.5 per cent, 5 hours later, 10 miles, 3.5m, £5bn, 2019",
    "at the end of 2019, as one man, up to 5, up 5%, over the years, About £5m, some 40 km, under 18s",
    "the first time, the last few days, the next day, the past decade, The Final Two, the last a hundred, the first 2",
    "45\xa0%, 5\u2009km, 12.30pm, 12:30 GMT, 3 am, 2019's, 2019, 1,5, 5/6ths, 10x, 7kWh, 5GW, 2 MW, 3 hours later, 4th, 22nd, 31st, 1990s, 5_6, 7*, \"8\", 9é, 10: 11/12.",
]


@pytest.mark.parametrize("text", ROUTING_CASES + ["SAMPLE"])
def test_routed_value_shapes_match_the_full_pattern(text):
    """Trying only the shapes a start's first word can begin must give what the one pattern
    of all shapes gives, at every word start."""
    from extractors.entities import _match_value, _value_pattern

    if text == "SAMPLE":
        text = (REPO / "samples" / "afghanistan-china-olympics-stream.txt").read_text(encoding="utf-8")
    full = _value_pattern()
    for i in range(len(text)):
        if text[i].isspace() or (i and text[i - 1].isalnum()):
            continue
        m = full.match(text, i)
        assert _match_value(text, i) == ((i, m.end(), m.lastgroup) if m else (i, i, None)), text[i:i + 40]


# --- accuracy gate on the seed gold ------------------------------------------------------

def _bench():
    spec = importlib.util.spec_from_file_location("eval_entities", REPO / "bench" / "eval_entities.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_offsets_slice_to_text_on_the_sample(shared):
    bench = _bench()
    articles = bench.seed_articles()
    lines = {ln.number: ln.text for a in articles for ln in a.lines}
    for m in extract_entities(articles):
        assert lines[m.line][m.start:m.end] == m.text


def test_seed_accuracy_gate(shared, tmp_path):
    """Floors a little below what bench/eval_entities.py measures (1.000 / 0.987 / 0.970)."""
    bench = _bench()
    mentions = extract_entities(bench.seed_articles())
    pred = tmp_path / "seed.jsonl"
    pred.write_text("".join(json.dumps(dataclasses.asdict(m)) + "\n" for m in mentions))
    scorer = shared / "eval" / "score_entities.py"

    def headline(*types: str) -> float:
        args = [sys.executable, str(scorer), str(pred), str(shared / "gold" / "seed")]
        if types:
            args += ["--types", ",".join(types)]
        out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
        return float(out.strip().splitlines()[-1].split("=")[1])

    assert headline() >= 0.97
    assert headline("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "MONEY", "PERCENT",
                    "QUANTITY", "DATE", "CARDINAL", "ORDINAL", "TIME", "PRODUCT") >= 0.95
    assert bench.pairwise_canonical_f1(mentions)[2] >= 0.94


def test_a_team_named_by_its_city_is_called_by_its_last_word():
    found = tagged("The surging Los Angeles Lakers beat the Oklahoma City Thunder on Tuesday. "
                   "James has five triple-doubles for the NBA-leading Lakers, who have won 12 of 13.")
    assert ("Lakers", "ORG") in found



def test_a_city_is_not_read_as_another_city_s_other_name():
    assert canon("He flew to Phoenix last week.")["Phoenix"] == "Phoenix"
    assert ("Ferdinand", "GPE") not in tagged("Ferdinand signed a new contract at Old Trafford.")


def test_a_camel_case_name_after_a_preposition_is_a_company_not_a_place():
    assert ("WeWork", "ORG") in tagged("Neumann leased buildings back to WeWork.")
    assert ("McAllen", "GPE") in tagged("The border crossing near McAllen was closed.")


def test_a_name_opening_with_a_frequent_word_is_no_person():
    found = tagged("Health authorities reported a sixth death linked to Eastern Equine Encephalitis.")
    assert ("Eastern Equine Encephalitis", "PERSON") not in found


def test_a_title_ending_a_name_run_names_no_one():
    found = tagged("The state Attorney General (NYAG) is investigating WeWork, said Vice President Mike Pence.")
    assert names_of(found, "PERSON") == {"Mike Pence"}


@pytest.mark.parametrize("line, value", [
    ("The region's population has boomed by more than 7 million people.", ("more than 7 million", "CARDINAL")),
    ("A three-pointer put them up 109-98 with 3:08 to play.", ("3:08", "TIME")),
    ("Sony would not increase the 500,000-strong stock of consoles.", ("500,000", "CARDINAL")),
    ("The GTX 1660 Ti is superior to the GTX 1060.", ("1660", "CARDINAL")),
    ("Capacity will go from 175 gigawatts to 450 gigawatts.", ("450 gigawatts", "QUANTITY")),
])
def test_numbers_read_whole_with_their_type(line, value):
    assert value in tagged(line)


def test_an_initial_and_a_surname_in_a_line_up_are_people():
    found = tagged("Ireland: G Murphy; G Dempsey, B O'Driscoll, G D'Arcy, S Horgan; R O'Gara, P Stringer.")
    assert {"G Murphy", "B O'Driscoll", "G D'Arcy", "R O'Gara", "P Stringer"} <= names_of(found, "PERSON")


def test_a_surname_of_two_words_takes_the_full_name():
    names = canon("Joel Eriksson Ek scored twice for the Wild.",
                  "“I didn’t really see him coming,” Eriksson Ek said.")
    assert names["Eriksson Ek"] == "Joel Eriksson Ek"


def test_an_area_is_a_location():
    assert ("San Francisco Bay Area", "LOC") in tagged(
        "The San Francisco Bay Area and Los Angeles County regularly face air quality alerts.")


def test_names_joined_by_an_ampersand_are_a_firm():
    found = tagged("Shares in Marks & Spencer fell, and Ernst & Young said profits rose.")
    assert {("Marks & Spencer", "ORG"), ("Ernst & Young", "ORG")} <= set(found)


def test_a_place_ending_a_title_is_cut_from_a_name_with_a_common_word():
    assert ("Sadiq Khan", "PERSON") in tagged("Mayor of London Sadiq Khan said the city was ready.")


# --- venues, bands, coordinated names, clock times ----------------------------------------

@pytest.mark.parametrize("line, name, typ", [
    ("The band will close the tour at the Ryman Auditorium in Nashville.", "the Ryman Auditorium", "FAC"),
    ("Tickets for the Ak-Chin Pavilion show sold out within an hour.", "the Ak-Chin Pavilion", "FAC"),
    ("The Doobie Brothers announced a 50th anniversary tour on Monday.", "The Doobie Brothers", "ORG"),
    ("Lehman Brothers filed for bankruptcy in September 2008.", "Lehman Brothers", "ORG"),
    ("Officers from the Computer Crime Unit arrested two men.", "the Computer Crime Unit", "ORG"),
    ("The lamps were first shown during Milan Design Week.", "Milan Design Week", "EVENT"),
])
def test_a_venue_or_band_word_ending_a_name_types_it(line, name, typ):
    assert (name, typ) in tagged(line)


def test_an_and_between_two_whole_names_keeps_them_apart():
    found = tagged("He has managed Real Madrid and Manchester United, winning titles with both.",
                   "Arsenal and Leeds United drew 1-1 on Saturday.",
                   "Kylie Minogue and Scissor Sisters topped the bill.",
                   "Scooter Braun and The Carlyle Group bought the label.")
    assert {("Real Madrid", "ORG"), ("Manchester United", "ORG"), ("Leeds United", "ORG"),
            ("Kylie Minogue", "PERSON"), ("Scissor Sisters", "ORG"), ("The Carlyle Group", "ORG")} <= set(found)


def test_an_and_before_a_shared_head_stays_inside_one_name():
    found = tagged("The Afghan National Defense and Security Forces withdrew.",
                   "Shares fell after the US Securities and Exchange Commission opened an inquiry.")
    assert ("The Afghan National Defense and Security Forces", "ORG") in found
    assert ("the US Securities and Exchange Commission", "ORG") in found


def test_a_state_code_after_a_known_town_is_the_state():
    found = tagged("The tour stops in Mountain View, CA and Houston, TX in June.")
    assert ("CA", "GPE") in found and ("TX", "GPE") in found
    assert not any(text == "CA" and typ == "GPE" for text, typ in tagged(
        "The Italy side: G Intoppa, S Perugini, CA del Fava, S Orlando."))


def test_a_frequent_word_before_a_full_name_opening_a_sentence_is_left_out():
    assert ("Jose Mourinho", "PERSON") in tagged("Welcome Jose Mourinho, the new head coach of the club.")
    assert ("New York", "GPE") in tagged("New York Mayor Eric Adams spoke on Monday.")


def test_an_initial_before_a_sentence_opening_word_ends_the_name():
    found = tagged("Spain top Group D. The winners of each group qualify.",
                   "President George W. Bush spoke on Monday.")
    assert ("Group D", "ORG") in found and ("George W. Bush", "PERSON") in found


@pytest.mark.parametrize("text", ["40C", "40°C", "104F", "40 degrees Celsius"])
def test_temperatures_are_quantities(text):
    assert (text, "QUANTITY") in tagged(f"It reached {text} in the shade on Monday.")


@pytest.mark.parametrize("text", ["10 a.m.", "8 P.M.", "7:30 PM", "9am"])
def test_clock_times_with_their_marker(text):
    assert (text, "TIME") in tagged(f"Doors open at {text} on Friday.")


@pytest.mark.parametrize("line, names", [
    ("The Secretary of Defense Mark Esper said the troops would stay.", {("Mark Esper", "PERSON")}),
    ("President of Russia Vladimir Putin spoke by phone.", {("Russia", "GPE"), ("Vladimir Putin", "PERSON")}),
    ("Secretary of Health and Human Services Alex Azar said so.", {("Alex Azar", "PERSON")}),
])
def test_what_a_title_is_of_is_no_part_of_the_persons_name(line, names):
    found = set(tagged(line))
    assert names <= found
    assert not any(text.startswith("of ") for text, _ in found)


def test_a_programme_is_an_organisation():
    assert ("The World Food Programme", "ORG") in tagged("The World Food Programme warned of famine.")


@pytest.mark.parametrize("line, state", [
    ("The crash happened near Fresno, Calif., on Sunday.", "Calif."),
    ("COLUMBIA, S.C. (AP) — The senator took his campaign south.", "S.C."),
])
def test_a_style_guide_state_abbreviation_after_a_town_is_the_state(line, state):
    assert (state, "GPE") in tagged(line)


def test_a_frequent_word_before_an_acronym_opening_a_sentence_is_left_out():
    assert ("NBC Latino", "ORG") in tagged("Follow NBC Latino on Facebook and Twitter.")
    assert ("Total SA", "ORG") in tagged("Total SA shares rose on Monday.")


@pytest.mark.parametrize("line, name, typ", [
    ("Enter South Dakota, where the governor launched a campaign.", "South Dakota", "GPE"),
    ("Senior Tories said the plan would fail.", "Tories", "NORP"),
    ("Real Madrid won again on Sunday.", "Real Madrid", "ORG"),
    ("Air China will fly the route from May.", "Air China", "ORG"),
])
def test_a_frequent_word_before_a_known_name_opening_a_sentence(line, name, typ):
    assert (name, typ) in tagged(line)


def test_a_laboratory_or_project_is_an_organisation():
    found = tagged("Scientists at the Jet Propulsion Laboratory joined the Honeynet Project.")
    assert {("the Jet Propulsion Laboratory", "ORG"), ("the Honeynet Project", "ORG")} <= set(found)


@pytest.mark.parametrize("line, names", [
    ("He is President of the Royal Society.", {("the Royal Society", "ORG")}),
    ("Director of Public Prosecution Eva-Marie Persson said the case was dropped.",
     {("Eva-Marie Persson", "PERSON")}),
    ("Chancellor of the Exchequer Gordon Brown said taxes would not rise.", {("Gordon Brown", "PERSON")}),
])
def test_a_title_of_a_body_before_a_name(line, names):
    found = set(tagged(line))
    assert names <= found and not any(typ == "PERSON" and text not in {n for n, _ in names} for text, typ in found)


def test_a_direction_before_a_nationality_is_a_nationality():
    assert ("North American", "NORP") in tagged("The band announced a North American tour on Monday.")


@pytest.mark.parametrize("line, names", [
    ("U.S. Defense Secretary Mark Esper arrived on Monday.", {("U.S.", "GPE"), ("Mark Esper", "PERSON"), ("Monday", "DATE")}),
    ("White House Press Secretary Stephanie Grisham said the trip was off.",
     {("White House", "ORG"), ("Stephanie Grisham", "PERSON")}),
    ("White House Chief of Staff John Kelly said he would stay.", {("White House", "ORG"), ("John Kelly", "PERSON")}),
])
def test_a_portfolio_word_before_a_title_belongs_to_the_title(line, names):
    assert set(tagged(line)) == names


def test_an_embassy_is_an_organisation():
    assert ("the Ecuadorean Embassy", "ORG") in tagged("He sheltered in the Ecuadorean Embassy in London.")


@pytest.mark.parametrize("line, name", [
    ("Officials at the Centers for Disease Control and Prevention said the risk was low.",
     "the Centers for Disease Control and Prevention"),
    ("Figures from the Office for National Statistics showed a rise.", "the Office for National Statistics"),
    ("The Department for Work and Pensions said the change was fair.", "The Department for Work and Pensions"),
    ("A spokesman for the Commission on Presidential Debates said the date was set.",
     "the Commission on Presidential Debates"),
])
def test_a_body_for_or_on_something_is_one_organisation(line, name):
    assert (name, "ORG") in tagged(line)


def test_an_and_after_a_body_of_something_joins_no_other_body():
    found = tagged("The Bank of England and Royal Mail both said so.")
    assert not any(" and " in text for text, _ in found)


def test_election_day_is_a_date():
    assert ("Election Day", "DATE") in tagged("Voters go to the polls on Election Day.")


def test_names_told_apart_by_a_short_capital_last_word_are_not_merged():
    articles = stream("The World War I memorial stands next to the World War II one.",
                      "Pupils with Grade B passed; those with Grade C must resit.")
    rows = {r.name: r for r in summarise(extract_entities(articles), articles)}
    assert {"World War I", "World War II", "Grade B", "Grade C"} <= set(rows)
    assert rows["World War II"].type == "EVENT"


def test_a_year_after_a_title_word_is_no_person():
    assert not any(typ == "PERSON" for _, typ in tagged("Football Manager 2005 is out now for the PC and the Mac."))


@pytest.mark.parametrize("line, name", [
    ("Shares in Vodafone fell 3% on Monday.", "Vodafone"),
    ("Ryanair said it would cut fares on 20 routes.", "Ryanair"),
    ("Tesco announced record sales for the Christmas period.", "Tesco"),
])
def test_a_company_opening_a_sentence_is_an_organisation(line, name):
    assert (name, "ORG") in tagged(line)


def test_a_surname_opening_a_sentence_before_said_he_is_no_organisation():
    assert not any(typ == "ORG" for _, typ in tagged("Federer said he was tired after the match."))


def test_a_number_naming_a_boat_or_event_is_no_count():
    found = tagged("GB won gold in the men's eight and silver in the women's four.")
    assert not any(typ == "CARDINAL" for _, typ in found)
    assert ("Eight", "CARDINAL") in tagged("Eight men's teams entered the event.")


@pytest.mark.parametrize("line, names", [
    ("BART Police Chief Ed Alvarez said the suspect fled.", {("BART Police", "ORG"), ("Ed Alvarez", "PERSON")}),
    ("Ombudsman Nadia Cruz said three people died.", {("Nadia Cruz", "PERSON"), ("three", "CARDINAL")}),
])
def test_a_role_before_a_given_name_names_no_one(line, names):
    assert set(tagged(line)) == names


def test_a_place_or_house_before_a_party_group_is_split_from_it():
    found = tagged("Virginia Democrats won control of both chambers, and Senate Republicans blocked the bill.")
    assert {("Virginia", "GPE"), ("Democrats", "NORP"), ("Senate", "ORG"), ("Republicans", "NORP")} <= set(found)


@pytest.mark.parametrize("line, name, typ", [
    ("He told the Sunday Times on Friday that he would stay.", "the Sunday Times", "ORG"),
    ("Roman Catholic bishops met in Rome.", "Roman Catholic", "NORP"),
    ("The Houston Rockets lost again on Monday.", "The Houston Rockets", "ORG"),
])
def test_names_that_open_with_a_weekday_or_a_town_word(line, name, typ):
    assert (name, typ) in tagged(line)


@pytest.mark.parametrize("name", ["Mauna Kea", "Sierra Nevada", "Mount Everest"])
def test_a_natural_place_is_told_by_its_first_word(name):
    assert (name, "LOC") in tagged(f"Snow fell on {name} overnight.")


def test_members_after_a_party_are_no_part_of_its_name():
    assert tagged("Labour MPs voted against the bill.") == [("Labour", "ORG")]


def test_a_town_name_after_a_title_is_a_person_and_so_are_its_other_mentions():
    found = tagged("Republicans are ready to meet President Clinton's aides to hammer out the details.",
                   "The Dole campaign invited their Clinton counterparts to meet on Monday.")
    assert [typ for text, typ in found if text == "Clinton"] == ["PERSON", "PERSON"]


@pytest.mark.parametrize("line", ["After a visit to University for classes, he slept.",
                                  "The statement was drawn up at Number 10."])
def test_a_common_word_after_a_place_preposition_is_no_place(line):
    assert not any(typ == "GPE" for _, typ in tagged(line))


def test_a_body_named_by_its_head_word_that_speaks_is_an_organisation():
    assert ("Treasury", "ORG") in tagged("A spokesman said the Treasury said growth would slow.")
    assert not any(typ == "PERSON" for _, typ in tagged("The Commission said it would act on Monday."))


@pytest.mark.parametrize("paragraph, expected", [
    ("The British Chamber of Commerce said growth would slow.", ("The British Chamber of Commerce", "ORG")),
    ("The British Retail Consortium said sales fell.", ("The British Retail Consortium", "ORG")),
    ("Officials in Shanghai said talks had stalled.", ("Shanghai", "GPE")),
    ("A spokesman at Ask Jeeves said the deal was done.", ("Ask Jeeves", "ORG")),
])
def test_a_nationality_or_a_place_phrase_before_said_keeps_a_body_or_place_whole(paragraph, expected):
    assert expected in tagged(paragraph)


def test_a_nationality_before_a_person_or_event_is_still_split_off():
    got = tagged("Afghan President Ashraf Ghani met British Olympic officials.")
    assert ("Afghan", "NORP") in got and ("Ashraf Ghani", "PERSON") in got and ("British", "NORP") in got


@pytest.mark.parametrize("paragraph, expected, absent", [
    ("The firm earned $2.8bn in the third quarter.", ("the third quarter", "DATE"), ("third", "ORDINAL")),
    ("Fourth-quarter profits rose.", ("Fourth-quarter", "DATE"), ("Fourth", "ORDINAL")),
    ("Sales in the first half of 2004 rose.", ("the first half of 2004", "DATE"), ("2004", "DATE")),
    ("He scored in the first half.", ("first", "ORDINAL"), ("the first half", "DATE")),
])
def test_a_quarter_or_half_of_a_year_is_a_date(paragraph, expected, absent):
    got = tagged(paragraph)
    assert expected in got and absent not in got


@pytest.mark.parametrize("paragraph, name", [
    ("Kowalski, a British actor, said the film was ready.", "Kowalski"),
    ("Brennan, 45, told the court he had been at home.", "Brennan"),
])
def test_a_surname_opening_a_sentence_is_a_person_when_the_apposition_says_so(paragraph, name):
    assert (name, "PERSON") in tagged(paragraph)


def test_the_gazetteer_cache_keeps_other_versions_caches_beside_its_own(tmp_path):
    others = [tmp_path / f"{_CACHE_PREFIX}{n:016x}.marshal" for n in range(KEPT_CACHES + 1)]
    for age, other in enumerate(others, 1):
        other.write_bytes(b"x")
        os.utime(other, (1_000_000 - age, 1_000_000 - age))  # others[0] newest
    ours = tmp_path / f"{_CACHE_PREFIX}{'f' * 16}.marshal"
    _write_cache(ours, {"a": "b"})
    kept = set(tmp_path.glob(f"{_CACHE_PREFIX}*"))
    assert kept == {ours, *others[:KEPT_CACHES - 1]}
    assert not list(tmp_path.glob(".gazetteer-*"))  # no temporary file left


def test_a_title_after_a_genre_noun_is_a_work_in_every_mention_of_the_article():
    got = tagged("Modest wine country comedy Sideways knocked out the favourites.",
                 "Sideways should win, said critic Philip French.",
                 "Keanu Reeves' supernatural thriller Constantine dropped to three.")
    assert not any(text in ("Sideways", "Constantine") for text, _ in got)
    assert ("Philip French", "PERSON") in got and ("Keanu Reeves", "PERSON") in got


@pytest.mark.parametrize("paragraph, expected", [
    ("Director Taylor Hackford praised the film. Hackford said he was delighted.", ("Hackford", "PERSON")),
    ("Like every track Robbie has released, it sold well, said Robbie Williams.", ("Robbie", "PERSON")),
    ("Angels by Robbie Williams is the song Britons would most like played.", ("Britons", "NORP")),
])
def test_a_genre_noun_ending_a_sentence_or_a_clause_names_no_work(paragraph, expected):
    assert expected in tagged(paragraph)


@pytest.mark.parametrize("paragraphs, name", [
    (("Australian brewer Fosters has bought a stake in Southcorp.", "Fosters said it was in talks."), "Fosters"),
    (("Bets were cut, said Ladbrokes spokesman Warren Lush.", "Ladbrokes said it would pay out."), "Ladbrokes"),
    (("MPs voted to cut Turkcell's stake in the network.", "Turkcell said the decision raised the risks."),
     "Turkcell"),
    (("That is according to analysts Gartner.", "Gartner said sales rose."), "Gartner"),
])
def test_a_company_cue_types_every_mention_of_the_name_as_an_organisation(paragraphs, name):
    got = tagged(*paragraphs)
    assert (name, "ORG") in got and (name, "PERSON") not in got


def test_a_person_named_in_a_possessive_before_spokesman_stays_a_person():
    got = tagged("Tony Blair's spokesman said the talks went well.", "Blair's spokesman said he was confident.")
    assert ("Blair", "PERSON") in got and ("Blair", "ORG") not in got


@pytest.mark.parametrize("paragraph, name", [
    ("Swedish triple jumper Christian Olsson was voted male athlete of the year.", "Christian Olsson"),
    ("Christian Harris, partnership manager of the firm, said it would appeal.", "Christian Harris"),
])
def test_a_faith_or_peoples_word_that_is_a_given_name_opens_a_persons_name(paragraph, name):
    got = tagged(paragraph)
    assert (name, "PERSON") in got and ("Christian", "NORP") not in got


def test_a_nationality_before_an_unknown_word_is_still_split_off():
    assert ("German", "NORP") in tagged("The German Bundesbank said growth would slow.")


@pytest.mark.parametrize("paragraph, name", [
    ("The first call was made from the dock to Vodafone's head office in Newbury.", "Vodafone"),
    ("Dudek made a save at full stretch from Gudjohnsen's header.", "Gudjohnsen"),
])
def test_a_preposition_before_an_unknown_possessor_makes_no_place(paragraph, name):
    assert (name, "GPE") not in tagged(paragraph)


def test_an_unknown_name_after_a_place_preposition_is_still_a_place():
    assert ("Khayelitsha", "GPE") in tagged("Thousands marched in Khayelitsha on Sunday.")
    assert ("Bosnia", "GPE") in tagged("Men marched towards the village of Mahala in Bosnia's Serb republic.")


@pytest.mark.parametrize("paragraph, name", [
    ("Stream songs and playlists from your Echo Dot, phone or PC.", "Echo Dot"),
    ("Shoppers get a sales tax refund with its Payboo Credit Card.", "Payboo Credit Card"),
])
def test_a_name_after_a_possessive_determiner_is_owned_not_a_person(paragraph, name):
    assert (name, "PERSON") not in tagged(paragraph)


def test_a_series_with_a_model_number_is_no_event():
    got = tagged("You'll save $250 compared to getting an Apple Watch Series 5 this week.",
                 "The Astros won the World Series on Wednesday.")
    assert not any(text.endswith("Apple Watch Series") for text, _ in got)
    assert ("the World Series", "EVENT") in got


@pytest.mark.parametrize("paragraph, title", [
    ("The set list includes “Long Train Running,” “China Grove” and “Jesus Is Just Alright With Me.”",
     "Jesus Is Just Alright With Me"),
    ("She worried about doing justice to a song like “Glasgow,” she said.", "Glasgow"),
    ("Fans paid for an advert with the headline \"Save Star Trek\".", "Save Star Trek"),
])
def test_a_name_alone_between_quotation_marks_is_a_title(paragraph, title):
    assert not any(text == title for text, _ in tagged(paragraph))


def test_a_quoted_possessive_or_known_body_keeps_its_name():
    got = tagged("\"Saddam Hussein's regime was hell,\" he said.", "The party called itself \"Labour\" again.")
    assert ("Saddam Hussein", "PERSON") in got and ("Labour", "ORG") in got


def test_a_name_opening_with_port_or_fort_is_a_town_or_its_club_never_a_person():
    got = tagged("Port Vale beat Wrexham 2-0 at Vale Park on Saturday.", "He grew up in Fort Kent.")
    assert ("Port Vale", "ORG") in got and ("Fort Kent", "GPE") in got


def test_a_given_name_and_a_place_word_listed_with_a_person_is_a_person():
    got = tagged("Chelsea's John Terry and Wayne Bridge are also out.",
                 "The Producers, starring Nathan Lane and Lee Evans, won.", "They walked down Abbey Road and Oxford Street.")
    assert ("Wayne Bridge", "PERSON") in got and ("Nathan Lane", "PERSON") in got
    assert ("Abbey Road", "FAC") in got


@pytest.mark.parametrize("paragraphs, club", [
    (("Leicester captain Martin Johnson was left out.", "Leicester lost at home."), "Leicester"),
    (("He branded his own goal as his first goal for Chelsea.", "He scored twice against Chelsea."), "Chelsea"),
    (("Juninho is close to joining Celtic.", "Celtic want him by Friday."), "Celtic"),
])
def test_a_club_cue_types_a_town_or_unknown_word_as_a_club(paragraphs, club):
    got = tagged(*paragraphs)
    assert (club, "ORG") in got and (club, "GPE") not in got


def test_a_persons_side_or_rival_is_no_club():
    got = tagged("Graeme Souness said little. But Souness's side did go ahead later.",
                 "Tim Henman will face Roger Federer. Henman beat Federer last year.")
    assert ("Souness", "ORG") not in got and ("Federer", "ORG") not in got


def test_a_name_written_as_a_company_stays_one_though_it_opens_a_name_taken_for_a_person():
    got = tagged("Ascom, a global solutions provider focused on healthcare, announced a new system.",
                 "Rob Goldman, President Ascom North America, says: “By collaborating, Ascom can help hospitals.”")
    assert ("Ascom", "ORG") in got and ("Ascom", "PERSON") not in got


@pytest.mark.parametrize("paragraph, name", [
    ("Drogba and Kezman scored from close range before the break.", "Kezman"),
    ("He said the talks over Thomas had stalled.", "Thomas"),
    ("That was a reference to the Hutton inquiry into the dossier.", "Hutton"),
])
def test_a_name_one_consonant_or_first_letter_from_a_province_is_no_slip_of_it(paragraph, name):
    assert (name, "GPE") not in tagged(paragraph)


def test_a_vowel_slip_or_a_dropped_letter_still_names_the_place():
    got = tagged("Fighting spread across Jawzjan on Monday.", "Fans travelled from Sheffied by train.")
    assert ("Jawzjan", "GPE") in got and ("Sheffied", "GPE") in got


def test_a_products_model_alone_is_no_organisation():
    got = tagged("More than 2.8 million Nintendo DS consoles have been sold.",
                 "The DS is backwards compatible with the Game Boy Advance, Nintendo said.")
    assert not any(text == "DS" for text, _ in got) and ("Nintendo", "ORG") in got


def test_an_initial_and_a_surname_open_a_name_on_a_scorecard():
    got = tagged("Surrey 429-7 (C. Lewis 80 not out, M. Butcher 70, J. Ratcliffe 63).",
                 "Xbox frontman J. Allard said the console looked set to sell.")
    assert {("C. Lewis", "PERSON"), ("M. Butcher", "PERSON"), ("J. Ratcliffe", "PERSON"),
            ("J. Allard", "PERSON")} <= set(got)


@pytest.mark.parametrize("paragraph", [
    "They should take more vitamin D. Researchers found it helped.",
    "It is the second-biggest firm after AT&T. Consolidation in the industry has begun.",
])
def test_a_capital_ending_a_sentence_is_no_initial(paragraph):
    assert not any(typ == "PERSON" for _, typ in tagged(paragraph))


@pytest.mark.parametrize("paragraph, name", [
    ("Novelist Andrea Levy is favourite to win the main prize.", "Andrea Levy"),
    ("Hooker Robin McBryde is doubtful after picking up a knock.", "Robin McBryde"),
    ("Drummer Larry Mullen Jr echoed those sentiments.", "Larry Mullen Jr"),
])
def test_a_role_word_opening_a_sentence_before_a_full_name_is_no_part_of_it(paragraph, name):
    assert (name, "PERSON") in tagged(paragraph)


def test_a_name_with_a_foreign_given_name_first_stays_whole():
    assert ("Luiz Inacio Lula da Silva", "PERSON") in tagged("Luiz Inacio Lula da Silva said talks would go on.")


def test_the_super_bowl_is_an_event():
    got = tagged("Sir Paul rocked the crowd at American football's Super Bowl on Sunday.")
    assert ("Super Bowl", "EVENT") in got


@pytest.mark.parametrize("paragraph, expected", [
    ("The Law Lords said the rules were incompatible with the European Convention on Human Rights.",
     ("the European Convention on Human Rights", "LAW")),
    ("The ailment was reported to the Chinese Center for Disease Control and Prevention.",
     ("the Chinese Center for Disease Control and Prevention", "ORG")),
])
def test_a_body_or_law_named_with_on_or_for_keeps_its_nationality(paragraph, expected):
    assert expected in tagged(paragraph)


def test_an_adverb_opening_a_sentence_is_no_part_of_a_name():
    got = tagged("Already Ireland are being earmarked as favourites.", "\"Sometimes I didn't believe it,\" he said.")
    assert ("Ireland", "GPE") in got and not any(text.startswith(("Already", "Sometimes")) for text, _ in got)
