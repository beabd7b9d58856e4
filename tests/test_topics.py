"""Topics: built-ins, TOML files, queries, selection by name."""

import pytest

from summarizer import BUILTIN_TOPICS, TopicsError, UnknownTopicError, load_topics_file, select_topics
from summarizer.reading.terms import TermAnalyzer
from summarizer.ranking.topics import available_topics, query_topic

from .conftest import write

STOP = TermAnalyzer().stop_words


def test_builtin_topics_have_label_keywords_and_description():
    assert [t.name for t in BUILTIN_TOPICS] == ["aid", "mediation", "security"]
    for topic in BUILTIN_TOPICS:
        assert topic.label and topic.description and len(topic.keywords) >= 5


def test_topics_file(tmp_path):
    path = write(
        tmp_path / "t.toml",
        '[topics.energy]\nlabel = "Energy"\nkeywords = ["gas", "oil", "power grid"]\n'
        'description = "Energy supplies"\n\n[topics.aid]\nkeywords = ["grain"]\n',
    )
    topics = available_topics(path, None, STOP)
    names = [t.name for t in topics]
    assert names == ["aid", "mediation", "security", "energy"]
    # A user topic named like a built-in replaces it (and keeps its place).
    assert topics[0].keywords == ("grain",) and topics[0].origin == str(path)


def test_config_dir_topics_file_is_read(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    write(tmp_path / "newsdigest" / "topics.toml", '[topics.energy]\nkeywords = ["gas"]\n')
    assert "energy" in [t.name for t in available_topics(None, None, STOP)]


@pytest.mark.parametrize(
    "content, message",
    [
        ("[topics.energy\nkeywords = 1", "invalid TOML"),
        ('[topics.energy]\nkeywords = "gas"', "list of strings"),
        ("[topics.energy]\nkeywords = []", "keywords is empty"),
        ('[topics.energy]\nkeywords = ["gas"]\ncolour = "red"', "unknown field"),
        ('title = "no topics"', "expected a [topics.NAME] table"),
    ],
)
def test_bad_topics_files_name_the_file_and_problem(tmp_path, content, message):
    path = write(tmp_path / "t.toml", content)
    with pytest.raises(TopicsError) as error:
        load_topics_file(path)
    assert str(path) in str(error.value) and message in str(error.value)


def test_toml_syntax_error_reports_line_and_column(tmp_path):
    path = write(tmp_path / "t.toml", '[topics.energy]\nkeywords = ["gas",\nlabel = 3\n')
    with pytest.raises(TopicsError, match=r"line \d+, column \d+"):
        load_topics_file(path)


def test_query_topic_keeps_the_content_words():
    topic = query_topic("What steps did Orsa take to mediate between the two sides?", STOP)
    assert topic.name == "query"
    assert set(topic.keywords) | set(topic.context) >= {"orsa", "mediate", "sides"}
    assert not {"what", "did", "the"} & (set(topic.keywords) | set(topic.context))
    # A question in a topic's words keeps its own words as keywords and takes that topic's
    # vocabulary as context words, which only add to it.
    assert set(topic.keywords) == {"steps", "orsa", "mediate", "sides"}
    assert "ceasefire" in topic.context and "talks" in topic.context
    plain = query_topic("What steps did Orsa take to open the harbour?", STOP)
    assert set(plain.keywords) == {"steps", "orsa", "open", "harbour"} and plain.context == ()


def test_a_narrative_s_instructions_are_not_its_subject():
    # The words of a request ("Determine ...", "Write an account of ...") say what to do, not what about.
    topic = query_topic(
        "Two alleged agents were arrested in Velin. Determine why they were arrested and what happened "
        "next, and describe the various events involving them.", STOP,
    )
    assert {"alleged", "agents", "arrested", "velin", "events"} <= set(topic.keywords)
    assert not {"determine", "happened", "various", "involving", "describe"} & set(topic.keywords)
    # A reader's short question asks the same way ("nothing here mentions happening, wheat or prices").
    assert query_topic("What is happening with wheat prices in Velin? The latest, please.", STOP).keywords == (
        "wheat", "prices", "velin")


def test_a_question_s_names_after_an_abbreviation_are_names():
    from summarizer.ranking.topics import asked_names

    # "St." and "Dr." do not end the question's sentence: "Elmo" and "Zembla" do not open one.
    topic = query_topic("What did Dr. Zembla tell the mayor of St. Elmo? Did the U.S. envoy reply?", STOP)
    assert asked_names(topic) == ("Zembla", "Elmo")
    # Held-out audit 15: "nothing here mentions MPs" above "passed the bill by 114 votes to 85": the
    # plural of an abbreviation is a common noun, put in other words ("members", "deputies").
    assert asked_names(query_topic("How many MPs and NGOs backed the Orvel Tax Bill?", STOP)) == ("Orvel", "Tax", "Bill")
    texts = ["Parliament passed the Orvel Tax Bill by 114 votes to 85 on Friday.\n\nThe bill goes to the president.",
             "The Orvel Tax Bill raises the tax on fuel.\n\nIt was debated for a week."]
    assert _summary(texts, "How many MPs voted for the Orvel Tax Bill?").caveat is None


def test_a_question_s_phrases_are_its_keywords_side_by_side_in_a_clause():
    from summarizer.ranking.topics import asked_phrases

    def phrases(question):
        return asked_phrases(query_topic(question, STOP))

    assert phrases("Is there a cholera vaccine campaign?") == (("cholera", "vaccine", "campaign"),)
    # Opening the question, a phrase in lowercase words starts lowercase; a name keeps its capitals.
    assert phrases("Climate policy") == (("climate", "policy"),)
    assert phrases("Black Friday deals") == (("Black", "Friday", "deals"),)
    # Clauses and slashes part words; stop words and question words end a phrase.
    assert phrases("Varnland / Brescovy border talks, water rights") == (("Brescovy", "border", "talks"), ("water", "rights"))
    assert phrases("Who is mediating between Orsa and Kell?") == ()
    # A subject and its verb are no phrase ("people voted", "army set"), found apart or not.
    assert phrases("How many people voted for the deal?") == ()
    assert phrases("Did the army set up a field hospital?") == (("field", "hospital"),)
    # Held-out audit 10: "nothing here mentions fish died" and "nothing here mentions Kelvane face"
    # over the very articles that give the dead fish and the lawsuits Kelvane faces. After "does",
    # "did", "will" ..., the subject's last word before the end or its object is the verb.
    assert phrases("How many fish died?") == ()
    assert phrases("How many lawsuits does Kelvane face?") == ()
    assert phrases("When did the Orsa leak start at the plant?") == (("Orsa", "leak"),)
    assert phrases("Will the Kell council approve the tram line?") == (("Kell", "council"), ("tram", "line"))
    assert phrases("Will the tram line be built?") == (("tram", "line"),)
    # Held-out audit 14: "What is the price of copper?" over a copper mine's story and a herring price
    # printed mine sentences with no caveat, where "What is the copper price?" had one.
    assert phrases("What is the price of copper?") == (("price", "of", "copper"),)
    assert phrases("How fast is the spread of the glimmer fever?") == (("spread", "of", "the", "glimmer", "fever"),)
    # Held-out audit 15: "nothing here mentions runs Pellcorp". The word after "who" is its verb.
    assert phrases("Who runs Orvel Mining?") == ()
    assert phrases("Who runs the Orvel copper mine?") == (("Orvel", "copper", "mine"),)
    assert asked_phrases(BUILTIN_TOPICS[0]) == ()


def test_a_topic_word_in_a_question_never_replaces_its_subject():
    # "combat" is a word of the security topic; the question is about a disease in a country.
    topic = query_topic("How are health workers in Varnland combating the spread of glimmer fever?", STOP)
    assert {"varnland", "glimmer", "fever", "health", "workers"} <= set(topic.keywords)
    assert "military" not in topic.keywords and "military" in topic.context


def test_a_question_about_a_topic_finds_its_own_subject_first(tmp_path):
    from summarizer import Corpus, Digester, Length
    from summarizer.reading.articles import ArticleParser, Metadata

    parse = ArticleParser()
    articles = [
        parse("Health workers in Varnland are combating glimmer fever with bed nets and new clinics. "
              "The fever has spread to four provinces of Varnland this year.\n\n"
              "Nurses said the clinics treat two hundred patients a day.", Metadata("fever", title="Fever")),
        parse("Troops of the Ostrian army moved missiles to the border on Monday. "
              "Soldiers and weapons crossed the river at dawn, military officials said.", Metadata("army", title="Army")),
    ]
    topic = query_topic("How is Varnland combating glimmer fever?", STOP)
    summary = Digester(length=Length(sentences=2))(Corpus(articles), [topic]).summaries[0]
    assert summary.sentences, "the question's own subject finds its sentences"
    assert all("Varnland" in item.sentence.text or "fever" in item.sentence.text for item in summary.sentences)


_CONVOY = (
    "A relief convoy reached the flooded town of St. Elmo on Tuesday, officials said.\n\n"
    "The convoy of 40 trucks carried 60,000 litres of drinking water, tents and medicine, the relief office said.",
    "A relief convoy reached the flooded town of St. Elmo on Tuesday, officials said.\n\n"
    "Mayor Ilse Varga said the town's drinking water would last until Friday.",
    "A relief convoy reached the flooded town of St. Elmo on Tuesday, officials said.\n\n"
    "The army said two bridges on the Kell river were closed in 1998 and never rebuilt.",
)


def _answers(question: str, count: int = 2) -> list[str]:
    from summarizer import Corpus, Digester, Length
    from summarizer.reading.articles import ArticleParser, Metadata

    corpus = Corpus([ArticleParser()(text, Metadata(f"outlet{i}")) for i, text in enumerate(_CONVOY)])
    summary = Digester(length=Length(sentences=count))(corpus, [query_topic(question, STOP)]).summaries[0]
    return [item.sentence.text for item in summary.sentences]


def test_a_question_asking_how_many_is_answered_by_a_number_of_what_it_asks():
    # The held-out audit: "How much drinking water reached St. Elmo?" put the sentence every
    # outlet printed before the one that says how much.
    water = _answers("How much drinking water reached St. Elmo?")
    assert water[0].startswith("The convoy of 40 trucks carried 60,000 litres")
    assert water[1].startswith("A relief convoy reached")  # the rest still follows
    assert _answers("How many trucks were in the convoy?", 1)[0].startswith("The convoy of 40 trucks")
    # A question that asks no number is answered as before: what every outlet printed comes first;
    # so is a description that asks for a number among other things.
    assert _answers("When did the convoy reach St. Elmo?", 1)[0].startswith("A relief convoy reached")
    assert _answers("Describe the relief convoy to St. Elmo, including how many trucks it had.", 1)[0].startswith(
        "A relief convoy reached")
    # A year is no quantity: the bridges' sentence answers "how many" with "two", not "1998".
    assert _answers("How many bridges were closed?", 1)[0].startswith("The army said two bridges")


def test_an_age_is_no_count_and_a_count_of_what_was_asked_answers():
    # Held-out audit 10: "How many fish died?" opened with "Club leader Osric Damerel, 61, had died
    # of the cold" (an age beside "died", from another story); "The count of dead fish has risen to
    # about 3,500" (the latest figure) was never shown, its number five words from "fish".
    texts = [
        "Volunteers counted about 1,200 dead fish along the Vell river on Tuesday.\n\n"
        "Fishing on the Vell was banned until further notice.",
        "The count of dead fish has risen to about 3,500, volunteers said.\n\n"
        "Fishing on the Vell was banned until further notice.",
        "Climber Edvin Sarrow, 61, had died of the cold on the Kestle ridge.\n\nHis nephew survived.",
    ]
    summary = _summary(texts, "How many fish died?", dates=["2031-03-02", "2031-03-04", "2031-03-04"])
    assert summary.sentences[0].sentence.text.startswith("The count of dead fish has risen to about 3,500")
    assert summary.caveat is None


def test_a_question_whose_subject_no_article_mentions_says_so_though_its_place_is_named():
    # Held-out audit 12: "What is the population of Oskerby?" over articles naming Oskerby, never
    # its population, printed three flood sentences as if they answered.
    texts = [
        "The river Tessel flooded 300 homes in Orrin on Monday, the mayor said.\n\nResidents fled to the sports hall.",
        "Floodwater in Orrin began to fall on Tuesday.\n\nThe town's council will meet on Friday to plan repairs.",
    ]
    population = _summary(texts, "What is the population of Orrin?")
    assert population.unmentioned == ("population",)
    assert population.caveat == "nothing here mentions population; the closest sentences:"
    # A question's verb may be put in other words ("beat", "burst" for "fail"): only what it asks about
    # counts (held-out audit 15: "Why did the Veskel Dam fail?" -> "nothing here mentions fail").
    assert _summary(texts, "Who won the presidential election in Orrin?").unmentioned == ("presidential election",)
    assert _summary(texts, "Why did the Orrin harbour wall fail?").unmentioned == ("harbour wall",)
    assert _summary(texts, "Why did the river Tessel flood fail?").unmentioned == ()
    # Held-out audit 16: "nothing here mentions taking" above "agreed to take over": "take" is a stop word,
    # so the index never holds it, and "taking" has no irregular forms to find it by.
    rescue = ["The Orvel Bank agreed on Friday to take over the failed Carrowmere Savings Bank, the ministry said.\n\n"
              "Depositors will keep their money."]
    assert _summary(rescue, "Who is taking over Carrowmere?").unmentioned == ()
    # One word of several may be put in other words ("fled"): no caveat.
    assert _summary(texts, "How many residents escaped the flood in Orrin?").unmentioned == ()
    # A description lists aspects in its own words, and a date narrows what is asked.
    assert _summary(texts, "Describe the population and demographics of Orrin.").unmentioned == ()
    assert _summary(texts, "What happened in Orrin in March 2031?").unmentioned == ()
    # So does "last month" (held-out audit 17: "How much rain fell in Lindhaven last month?" got no
    # caveat: an article said "nine months").
    months = texts + ["The repairs in Orrin will take nine months.\n\nThe mayor thanked the volunteers."]
    assert _summary(months, "How much rain fell in Orrin last month?").unmentioned == ("rain",)
    prices = ["The price of herring at the Orrin fish auction fell to its lowest level in four years on Monday.\n\n"
              "Skippers blamed a mild winter.",
              "Rescuers reached the miners trapped in the Kessel copper mine near Orrin on Tuesday.\n\n"
              "The copper mine has been closed since the collapse."]
    copper = _summary(prices, "What is the price of copper?")
    assert copper.caveat == "nothing here mentions price of copper; the closest sentences:", copper.caveat
    assert _summary(prices, "What is the price of herring?").unmentioned == ()


def test_a_question_nothing_answers_says_so_and_gets_what_it_asks_about():
    from summarizer import Corpus, Digester, Length
    from summarizer.reading.articles import ArticleParser, Metadata

    corpus = Corpus([ArticleParser()(text, Metadata(f"outlet{i}")) for i, text in enumerate(_CONVOY)])

    def summary(question):
        return Digester(length=Length(sentences=2))(corpus, [query_topic(question, STOP)]).summaries[0]

    # The seeds' "How many refugees did Israel take in?" opened with a phone call, as if it answered.
    doctors = summary("How many doctors reached St. Elmo?")
    assert doctors.caveat == "nothing here says how many; the closest sentences:"
    assert summary("How much drinking water reached St. Elmo?").caveat is None
    # No time is given beside "mayor": the reader is told, and the one sentence about the mayor,
    # which a bare "when" question asks about, comes first, not what every outlet printed.
    mayor = summary("When did the mayor speak?")
    assert mayor.caveat == "nothing here says when; the closest sentences:"
    assert mayor.sentences[0].sentence.text.startswith("Mayor Ilse Varga said")


def test_a_question_asking_where_is_answered_by_a_place_of_what_it_asks():
    # Held-out audit 9: "Where are the disputed polling stations?" opened with "Every disputed
    # ballot will be photographed ...", not with the stations "in the provinces of Vesk, Lorrin and
    # the Amber Coast".
    from summarizer import Corpus, Digester, Length
    from summarizer.reading.articles import ArticleParser, Metadata

    corpus = Corpus([ArticleParser()(text, Metadata(f"outlet{i}")) for i, text in enumerate(_CONVOY)])

    def summary(question):
        return Digester(length=Length(sentences=2))(corpus, [query_topic(question, STOP)]).summaries[0]

    bridges = summary("Where were the bridges closed?")
    assert bridges.sentences[0].sentence.text.startswith("The army said two bridges on the Kell river")
    assert bridges.caveat is None
    # A weekday is no place ("until Friday"): nothing says where the mayor went.
    assert summary("Where did the mayor go on Friday?").caveat == "nothing here says where; the closest sentences:"


def test_the_name_of_what_was_asked_is_no_answer_to_where():
    # Held-out audit 10: "Where will the tram line run?" opened with "postponed its vote on the
    # Eastbank tram line" ("Eastbank" after "on": the line's own name, not where it runs); "from
    # Harbour Square to Pellow Heath" came third.
    printed = "Orsa city council postponed its vote on the Eastbank tram line on Tuesday, officials said."
    texts = [printed + "\n\nThe tram line would run from Harbour Square to Pellow Heath, with 14 stops.",
             printed + "\n\nCouncillors will meet again next week.", printed + "\n\nThe budget has grown."]
    summary = _summary(texts, "Where will the tram line run?")
    assert summary.sentences[0].sentence.text.startswith("The tram line would run from Harbour Square")
    # "Where is Eastbank?": its own name is no place it is in.
    assert _summary(texts, "Where is Eastbank?", 1).caveat == "nothing here says where; the closest sentences:"
    # Held-out audit 11: nor is a name holding what was asked ("at Varrow Regional Hospital" for
    # talks on a hospital strike, in the sentence every outlet printed).
    strike = "Nurses at Varrow Regional Hospital began a three-day strike on Tuesday, the union said."
    texts = [strike + "\n\nThe talks on the strike were held at the Lenmore conciliation office in Orsa.",
             strike + "\n\nOperations were cancelled.", strike + "\n\nThe union wants more staff."]
    summary = _summary(texts, "Where were the talks on the hospital strike held?")
    assert summary.sentences[0].sentence.text.startswith("The talks on the strike were held at the Lenmore")


def test_a_place_named_before_what_was_asked_is_where_it_is():
    # Held-out audit 12: "Where did evacuated families stay?" was told "nothing here says where" over
    # "staying with relatives or at the Dremmen evacuation centre": "Dremmen" before the asked
    # "evacuation" was taken for its name, as "Eastbank" of "the Eastbank tram line". The centre,
    # not the evacuation, is what it names.
    printed = "The river Tessel burst its banks in Orrin on Monday, flooding hundreds of homes, officials said."
    stay = "About 4,000 evacuated people stayed with relatives or at the Dremmen evacuation centre, officials said."
    texts = [printed + "\n\n" + stay, printed + "\n\nThe water began to fall on Wednesday.", printed]
    summary = _summary(texts, "Where did evacuated families stay?")
    assert summary.unanswered is None
    assert summary.sentences[0].sentence.text == stay


def test_what_is_is_answered_by_a_definition():
    # Held-out audit 9: "What is Legionnaires' disease?" opened with the outbreak's case count;
    # "Legionnaires' disease is a severe form of pneumonia." came third (relevance 0.45: short, and
    # without the related terms the outbreak's sentences share).
    from summarizer import Corpus, Digester, Length
    from summarizer.reading.articles import ArticleParser, Metadata

    count = "An outbreak of glimmer fever at the Kell hospital has grown to 11 cases, the hospital said on Monday."
    texts = [
        count + "\n\nPatients in the east wing were moved to Orsa.",
        count + "\n\nVisitors were turned away from the hospital in Kell.",
        "Glimmer fever is a rare infection of the lungs.\n\n" + count,
    ]
    corpus = Corpus([ArticleParser()(text, Metadata(f"outlet{n}")) for n, text in enumerate(texts)])

    def first(question):
        summary = Digester(length=Length(sentences=2))(corpus, [query_topic(question, STOP)]).summaries[0]
        return summary.sentences[0].sentence.text

    assert first("What is glimmer fever?") == "Glimmer fever is a rare infection of the lungs."
    # Asking for the latest is no request for a definition.
    assert first("What is the latest on glimmer fever?") == count


def test_what_is_is_answered_by_an_apposition():
    # Held-out audit 16: "What is the Oselle Basin Council?" got only "The ... Council met in
    # emergency session"; news defines a body in an apposition after its name ("the Orsa Basin
    # Council, the treaty body of the four states along the river"), not with "is a".
    met = "The Orsa Basin Council met in emergency session in the Kellish city of Varn on Friday."
    defined = ("Kellia asked for an emergency session of the Orsa Basin Council, the treaty body of the "
               "four states along the river.")
    texts = [met + "\n\nDelegates arrived by train.", met + "\n\n" + defined, met + "\n\nThe river is low."]
    summary = _summary(texts, "What is the Orsa Basin Council?", 1)
    assert summary.sentences[0].sentence.text == defined
    # "..., the council said" names who spoke, after other words: no definition of the council.
    said = "Fishing on the river must stop at once, the Orsa Basin Council said on Saturday."
    texts = [met + "\n\nDelegates arrived by train.", met + "\n\n" + said, met + "\n\nThe river is low."]
    assert _summary(texts, "What is the Orsa Basin Council?", 1).sentences[0].sentence.text == met


def _summary(texts, question, count=2, dates=None):
    """The summary of a question over invented articles, one text each (dated when ``dates`` are given)."""
    from summarizer import Corpus, Digester, Length
    from summarizer.reading.articles import ArticleParser, Metadata

    dates = dates or [None] * len(texts)
    corpus = Corpus([ArticleParser()(text, Metadata(f"outlet{n}", date=date))
                     for n, (text, date) in enumerate(zip(texts, dates))])
    return Digester(length=Length(sentences=count))(corpus, [query_topic(question, STOP)]).summaries[0]


def test_why_is_answered_by_a_reason_for_what_it_asks():
    # "Why was the Harl bridge closed?" opened with the closure every outlet printed; the one
    # sentence that says why came after it.
    closed = "The Harl bridge over the Senn river was closed to traffic on Tuesday, the county said."
    texts = [
        closed + "\n\nDrivers were sent on a detour through Orsa.",
        closed + "\n\nThe bridge was closed because inspectors found cracks in two of its piers.",
        closed + "\n\nBus services to the Harl market will run on the old road until the bridge reopens.",
    ]
    why = _summary(texts, "Why was the Harl bridge closed?")
    assert why.sentences[0].sentence.text.startswith("The bridge was closed because inspectors found cracks")
    assert why.sentences[1].sentence.text == closed  # the rest still follows
    # A reason given for something else answers nothing: the detour has no "because".
    assert _summary(texts, "Why were drivers sent through Orsa?").sentences[0].sentence.text.startswith("Drivers were sent")


def test_what_someone_is_doing_is_no_request_for_a_definition():
    # "What is Tesla building?" over the 62 real pages was taken for "What is X?": a sentence
    # "... is a ..." beside its words came first, wherever it stood.
    plan = "The Kell council is planning a tram depot on the old dairy site, the mayor said on Monday."
    texts = [
        plan + "\n\nThe Kell council is a body of nine members elected every four years.",
        plan + "\n\nResidents of the dairy site streets will be consulted in March.",
        plan + "\n\nThe depot would house twelve trams.",
    ]

    def first(question):
        return _summary(texts, question).sentences[0].sentence.text

    assert first("What is the Kell council planning?") == plan
    assert first("What is the Kell council working on?") == plan
    assert first("What is the Kell council?").startswith("The Kell council is a body of nine members")


def test_a_question_asking_when_is_answered_by_a_time_of_what_it_asks():
    from summarizer import Corpus, Digester, Length
    from summarizer.reading.articles import ArticleParser, Metadata

    printed = "The Kell bridge over the Varn river was badly damaged by the flood, officials in Kell said."
    texts = [f"{printed}\n\nTraffic from outlet {n} was diverted through Orsa." for n in range(3)]
    texts[1] += "\n\nEngineers expect the Kell bridge to reopen on March 3, the transport office said."
    corpus = Corpus([ArticleParser()(text, Metadata(f"outlet{n}")) for n, text in enumerate(texts)])

    def first(question):
        summary = Digester(length=Length(sentences=2))(corpus, [query_topic(question, STOP)]).summaries[0]
        return summary.sentences[0].sentence.text

    assert first("When will the Kell bridge reopen?").startswith("Engineers expect the Kell bridge to reopen on March 3")
    assert first("The Kell bridge and the flood") == printed  # no time asked: what every outlet printed


def test_a_question_s_word_is_found_in_its_irregular_forms():
    # "When did the ferry sink?" never met "the ferry sank": Snowball leaves "sank" as it is, so no
    # time stood beside a word of the question and the reader was told "nothing here says when".
    # "When did the strike begin?" opened with the ferry "striking" a reef, not the strike that began.
    sank = "The ferry Marrow Light sank near Kessel Point on Tuesday night after striking a reef, the coast guard said."
    began = "Dock workers at the port of Velmar began a strike on March 3 over unpaid overtime."
    texts = [sank + "\n\nAll 212 passengers were rescued by fishing boats from Ostrava Bay.",
             began + "\n\nCargo ships were diverted to Ostrava Bay, the port authority said."]
    sink = _summary(texts, "When did the ferry sink?")
    assert sink.sentences[0].sentence.text == sank
    assert sink.unanswered is None
    assert _summary(texts, "When did the strike begin?").sentences[0].sentence.text == began
    # Nor is a word no article writes that way unmentioned: "flee" is in "fled".
    fled = "Hundreds of villagers fled the town of Orrin on Monday as the river burst its banks."
    flee = _summary([fled + "\n\nThe market reopened a week later."], "Did the villagers flee?")
    assert flee.unmentioned == () and flee.sentences[0].sentence.text == fled


def test_a_topic_s_keyword_is_found_in_its_irregular_forms(tmp_path):
    (exodus,) = load_topics_file(write(tmp_path / "t.toml", '[topics.exodus]\nkeywords = ["flee"]\n'))
    fled = "Hundreds of villagers fled the town of Orrin on Monday as the river burst its banks."
    summary = _digest([fled + "\n\nThe market of Orrin reopened a week later."], exodus, 2)
    assert [item.sentence.text for item in summary.sentences] == [fled]


def test_a_time_of_day_answers_when():
    # Held-out audit 10: "When did the leak start?" never reached "The leak began at around 2 a.m.
    # on Monday": "2 a.m." was no time, and Monday is seven words from "leak".
    printed = "Styrene from the Ferrow plant has reached the Vell river, the water authority said."
    texts = [printed + "\n\nThe leak was found at around 2 a.m. by a night guard at the plant gate.",
             printed + "\n\nFishing on the Vell was banned.", printed + "\n\nThe plant's owner apologised."]
    summary = _summary(texts, "When was the leak found?")
    assert summary.sentences[0].sentence.text.startswith("The leak was found at around 2 a.m.")
    assert summary.caveat is None
    # Held-out audit 11: "nothing here says when" above "would publish an interim report within 30 days".
    texts[1] += "\n\nThe water authority will publish its report within 30 days."
    assert _summary(texts, "When will the water authority publish its report?").caveat is None


def test_a_part_of_the_day_is_no_answer_to_when():
    # The held-out audit's two stories in one folder: "worked through the night", printed twice,
    # is how the crews worked, not when the dockworkers went back.
    from summarizer import Corpus, Digester, Length
    from summarizer.reading.articles import ArticleParser, Metadata

    crews = "Rescue crews worked through the night with 40 trucks to clear the Orrel valley road, officials said."
    texts = [crews, crews + "\n\nThe Orrel valley road stays closed.",
             "After five days of talks, dockworkers at Ft. Hallam voted to return to work on Saturday.\n\n"
             "The port's cranes stood idle for a week."]
    corpus = Corpus([ArticleParser()(text, Metadata(f"outlet{n}")) for n, text in enumerate(texts)])
    topic = query_topic("When did the dockworkers return to work?", STOP)
    summary = Digester(length=Length(sentences=1))(corpus, [topic]).summaries[0]
    assert summary.sentences[0].sentence.text.startswith("After five days of talks, dockworkers")


def test_a_later_figure_is_news_not_a_repeat():
    # The held-out audit: "killed nineteen people" (a day later) was left out as a repeat of
    # "has killed 17 people" (cosine 0.35) and, not being the same statement, not cited either.
    from summarizer import Corpus, Digester, Length
    from summarizer.reading.articles import ArticleParser, Metadata

    texts = [
        "The landslide that struck St. Aubrin on Friday has killed 17 people, and two residents are still "
        "missing, officials said on Sunday.\n\nDr. Ilse Vantorp said the hospital was running short of blood.",
        "Rescuers ended the search for survivors in St. Aubrin on Monday. The landslide killed nineteen people "
        "in all.\n\nSen. Marit Oddsen called for an inquiry into the landslide.",
    ]
    corpus = Corpus([ArticleParser()(text, Metadata(f"outlet{n}")) for n, text in enumerate(texts)])
    topic = query_topic("How many people died in the landslide?", STOP)
    summary = Digester(length=Length(sentences=5))(corpus, [topic]).summaries[0]
    shown = [item.sentence.text for item in summary.sentences]
    assert any("killed 17 people" in text for text in shown) and "The landslide killed nineteen people in all." in shown


def test_a_sentence_giving_a_new_figure_beside_the_old_one_is_news():
    # Held-out audit 12: "raised ... to 30 million crowns, from the 12 million crowns pledged on
    # Monday" gives the 12 million too, so it was taken for the same statement as Monday's pledge:
    # left out as a repeat, and the reader never learnt that the relief had more than doubled.
    monday = "The government of Pellmark pledged 12 million crowns in flood relief for the town of Orrin on Monday."
    tuesday = ("The government of Pellmark raised its flood relief for the town of Orrin to 30 million crowns, "
               "from the 12 million crowns pledged on Monday.")
    texts = [monday + "\n\nVolunteers cleared mud from the streets of Orrin.",
             tuesday + "\n\nThe river Tessel fell below its banks on Tuesday."]
    summary = _summary(texts, "flood relief for Orrin", count=2, dates=["2031-03-09", "2031-03-10"])
    shown = {item.sentence.text for item in summary.sentences}
    # Tuesday's sentence is shown, and Monday's pledge with it or in its place (Tuesday says it rose
    # from it: "in place of an earlier telling").
    told = {item.explanation.retells.text for item in summary.sentences if item.explanation.retells}
    assert tuesday in shown and monday in shown | told, shown


def test_a_summary_is_not_padded_with_sentences_of_another_story():
    # Held-out audit 12: once a question's answers ran out, a longer summary went on with sentences
    # of other stories holding one common word of it ("A group of 1,200 ... customers" for a hacker
    # group), at a few hundredths of the best sentence's relevance. A shorter summary is better.
    texts = [
        "A hacker group calling itself Grey Lantern claimed the attack on the Quillon bank on Tuesday, "
        "investigators said.\n\nThe bank's online services were down for two days.",
        "Grey Lantern, the hacker group behind the Quillon attack, demanded a ransom of 40 bitcoin.\n\n"
        "The bank refused to pay, its chief executive said.",
        "A group of 300 farmers marched through Tessel on Monday to protest against the new water tariff.\n\n"
        "The tariff takes effect in May.",
    ] + [f"The {town} council approved a budget of {n} million crowns for the coming year.\n\nRoads and schools "
         "take the largest share." for town, n in (("Orrin", 12), ("Varn", 8), ("Kessel", 30), ("Dremmen", 5))]
    shown = [item.sentence.text for item in _summary(texts, "the Grey Lantern group and its ransom", count=5).sentences]
    assert shown and all("Grey Lantern" in text for text in shown), shown


def test_a_plan_and_its_calling_off_are_two_statements():
    # "will not reopen on March 16" shares every other word with "will reopen on March 16": it was
    # left out as a repeat, and cited as a second source of the plan it called off.
    plan = "The schools of Varnholt will reopen on March 16, the education office said on Tuesday."
    off = "The schools of Varnholt will not reopen on March 16 as planned, the education office said on Saturday."
    texts = [plan + "\n\nVolunteers cleared mud from the streets.", off + "\n\nThe boiler room needs repairs."]
    summary = _summary(texts, "When will the schools of Varnholt reopen?", count=3, dates=["2031-03-10", "2031-03-14"])
    shown = {item.sentence.text: item for item in summary.sentences}
    assert {plan, off} <= set(shown), list(shown)
    assert [source.text for source in shown[plan].sources] == [plan]


def test_a_number_beside_a_word_of_the_evoked_topic_answers_nothing():
    # "How many trucks were in the aid convoy?" takes aid's vocabulary to rank by; a number beside
    # one of those words ("the town's hospital, which has 40 beds") was taken for the truck count.
    texts = [
        "An aid convoy reached the town of Varnholt on Monday with medicine for the town's hospital, which has "
        "40 beds, the relief agency Meridian said.\n\nThe roads were icy.",
        "The aid convoy to Varnholt crossed the Kessel bridge at dawn, Meridian said.\n\nThe town's hospital was "
        "short of water and fuel, doctors said.",
    ]
    assert _summary(texts, "How many trucks were in the aid convoy to Varnholt?").unanswered == "how many"


_CALL = ("Prime Minister Ivo Marsk of Corvanna held a phone call on Sunday with President Edda Lunn of Velmar about "
         "the war, his office said.")
_AID_TEXTS = [
    _CALL + "\n\nMarsk had earlier announced a shipment of humanitarian aid to Velmar.\n\nThe call lasted an hour.",
    "Prime Minister Ivo Marsk of Corvanna spoke by phone with President Edda Lunn of Velmar on Sunday, officials in "
    "Velmar said.\n\nAccording to minister Orla Venn, Corvanna's humanitarian support to Velmar includes a field "
    "hospital, shelter for refugees and medical assistance.\n\nIn a post online, Venn said helmets would be sent to "
    "Velmar as part of the humanitarian aid.",
]


def test_what_n_is_answered_by_sentences_about_n():
    # The seeds' "What aid is Israel sending to Ukraine?" opened with the phone call both outlets
    # reported: every article says "aid", so no word of the question was one few articles use, and
    # the shared story won. "What aid" asks about aid, in its words or the aid topic's.
    first = _summary(_AID_TEXTS, "What aid is Corvanna sending to Velmar?").sentences[0].sentence.text
    assert "aid" in first or "humanitarian" in first, first


def test_a_word_written_only_as_a_stop_word_form_is_not_unmentioned():
    # sumy's stop words hold "sent": the index has no term for it, so "send" looked unused and
    # "What will Corvanna send?" was told "nothing here mentions send" over "helmets would be sent".
    assert _summary(_AID_TEXTS, "What will Corvanna send?").unmentioned == ()


def test_a_moved_date_is_news_and_not_the_same_statement():
    # Held-out audit 13: "will vote on the agreement on November 9" was cited as also said by the
    # two later articles saying November 12, and their November 12 sentence was left out as its
    # repeat: the reader saw the old date confirmed by the outlets that reported it moved.
    nine = "Members of the Varn Harbour Workers' Union will vote on the agreement on November 9."
    twelve = "The union's members will vote on the agreement on November 12, a union official said."
    texts = [nine + "\n\nThe strike at the port of Varn ended on Thursday.",
             twelve + "\n\nThe first ships left the port of Varn on Friday."]
    for dates in (["2031-11-05", "2031-11-06"], None):
        summary = _summary(texts, "the union vote on the agreement", count=3, dates=dates)
        shown = {item.sentence.text: item for item in summary.sentences}
        assert twelve in shown, list(shown)
        assert [source.text for source in shown[twelve].sources] == [twelve]
        if nine in shown:
            assert [source.text for source in shown[nine].sources] == [nine]
        # Dated, the earlier date is out of date once the later is shown; undated, both are shown.
        assert (nine in shown) == (dates is None)


def test_how_many_is_answered_by_the_latest_figure_first():
    # The session-8 audit: "How many people did the landslide kill?" opened with Friday's "at least
    # 12", printed by two outlets, while Monday's article said nineteen.
    from summarizer import Corpus, Digester, Length
    from summarizer.reading.articles import ArticleParser, Metadata

    friday = ("A landslide buried 14 houses in St. Aubrin on Friday and killed at least 12 people, regional "
              "officials said.\n\nRoads to the valley were closed.")
    stories = [
        (friday, "2026-03-13"),
        (friday + "\n\nThe Karrow mountain road was cut by mud.", "2026-03-13"),
        ("The landslide that struck St. Aubrin on Friday has killed 17 people, officials said on Sunday."
         "\n\nDr. Ilse Vantorp said the hospital was short of blood.", "2026-03-15"),
        ("Rescuers ended the search in St. Aubrin on Monday. The landslide killed nineteen people in all."
         "\n\nSen. Marit Oddsen called for an inquiry.", "2026-03-16"),
    ]

    def shown(dated: bool, question: str = "How many people did the landslide kill?") -> list[str]:
        parse = ArticleParser()
        corpus = Corpus([parse(text, Metadata(f"outlet{n}", date=date if dated else None))
                         for n, (text, date) in enumerate(stories)])
        summary = Digester(length=Length(sentences=3))(corpus, [query_topic(question, STOP)]).summaries[0]
        return [item.sentence.text for item in summary.sentences]

    latest = shown(dated=True)
    assert latest[0] == "The landslide killed nineteen people in all."
    # The figures it updates are left out as repeats, out of date.
    assert not any("at least 12 people" in text or "17 people" in text for text in latest)
    # Without dates nothing says which figure is the latest: what most outlets printed comes first.
    assert "at least 12 people" in shown(dated=False)[0]
    # A question that asks no number is answered as before.
    assert "at least 12 people" in shown(dated=True, question="Where did the landslide kill people?")[0]


def test_a_question_in_a_topic_s_words_is_answered_by_what_it_asks_not_by_the_topic():
    # The session-9 check: "Was anyone evacuated?" evokes aid, whose context words include
    # "hospital"; the hospital sentence every outlet printed, and its words learnt as related
    # terms, outranked the sentence saying who was evacuated (relevance 1.00 against 0.81).
    from summarizer import Corpus, Digester, Length
    from summarizer.reading.articles import ArticleParser, Metadata

    ward = ("Dr. Ilse Vantorp, who runs the Dremmen district hospital, said {n} injured people had been "
            "admitted, {k} of them in critical condition.")
    texts = [
        "A gas explosion tore through the Varrow flats in Dremmen on Friday, officials said.\n\n"
        + ward.format(n=31, k="nine") + "\n\nAbout 400 residents of the Varrow flats were evacuated to a school.",
        "A gas explosion tore through the Varrow flats in Dremmen on Friday.\n\n" + ward.format(n=33, k="ten")
        + "\n\nResidents were evacuated to a school on Kell Street.",
        "Fire crews searched the Varrow flats in Dremmen on Saturday.\n\n" + ward.format(n=35, k="eleven"),
    ]
    corpus = Corpus([ArticleParser()(text, Metadata(f"outlet{n}")) for n, text in enumerate(texts)])
    summary = Digester(length=Length(sentences=2))(corpus, [query_topic("Was anyone evacuated?", STOP)]).summaries[0]
    assert "evacuated" in summary.sentences[0].sentence.text
    # The topic's vocabulary still adds to the question: the hospital comes next, before the blast.
    assert "hospital" in summary.sentences[1].sentence.text


def test_a_question_is_answered_by_what_it_asks_about_the_story_not_by_the_story():
    # The session-8 audit: "Who mediated the strike?" opened with what every outlet printed about
    # the strike; the one sentence saying who agreed to mediate came third.
    from summarizer import Corpus, Digester, Length
    from summarizer.reading.articles import ArticleParser, Metadata

    printed = "The strike at Port Varrel entered its third week on Monday, the dockworkers' union said."
    stories = [
        (f"{printed}\n\nShips are waiting outside Port Varrel, and the strike is costing the port operator dearly.", "Strike"),
        (f"{printed}\n\nThe strike has stopped fruit exports from the Varrel valley.", "Strike goes on"),
        (f"{printed}\n\nUnion leaders said the strike would last as long as it takes.", "Strike"),
        ("Sen. Orla Fennick has agreed to mediate between the dockworkers and the port operator, the labour "
         "ministry said.\n\nShe will meet both sides in Port Varrel on Thursday.", "Senator to mediate in Port Varrel strike"),
        ("A Kestrel court will mediate the dispute over grazing rights, a judge said.\n\nFarmers welcomed it.\n\n"
         "The court sits in Orsa on Mondays.\n\nThe port strike has delayed the farmers' wool exports.", "Grazing"),
    ]

    def first(question: str, without: int | None = None) -> str:
        corpus = Corpus([ArticleParser()(text, Metadata(f"outlet{n}", title=title))
                         for n, (text, title) in enumerate(stories) if n != without])
        summary = Digester(length=Length(sentences=3))(corpus, [query_topic(question, STOP)]).summaries[0]
        return summary.sentences[0].sentence.text

    assert first("Who mediated the strike?").startswith("Sen. Orla Fennick has agreed to mediate")
    # The grazing court mediates, in a story that mentions the strike in passing, far from its lead:
    # no answer, and the summary is as before (the 62 real pages' "Who won the election?" opened
    # with "... won the freedom to preach" from such an article).
    assert first("Who mediated the strike?", without=3) == printed
    # A description names the story and asks nothing of it: what every outlet printed comes first.
    assert first("The Port Varrel strike and its mediation") == printed


def test_a_death_toll_is_a_count_of_the_dead_however_it_is_worded():
    # Held-out audit 9: "How many people have died in the Saint Odile outbreak?" opened with the
    # first day's "one of them has died"; the latest articles said "four deaths" and "killed four".
    from summarizer import Corpus, Digester, Length
    from summarizer.reading.articles import ArticleParser, Metadata

    first = "Two people have died in the fever outbreak at Kell hospital, officials said on Monday."
    stories = [
        (first + "\n\nThe hospital closed its east wing.", "2026-05-04"),
        (first + "\n\nVisitors were turned away.", "2026-05-04"),
        ("The fever outbreak at Kell hospital has now caused five deaths, the health office said on Wednesday."
         "\n\nInspectors will test the water.", "2026-05-06"),
    ]
    corpus = Corpus([ArticleParser()(text, Metadata(f"outlet{n}", date=date)) for n, (text, date) in enumerate(stories)])
    topic = query_topic("How many people have died in the Kell hospital outbreak?", STOP)
    summary = Digester(length=Length(sentences=2))(corpus, [topic]).summaries[0]
    assert summary.sentences[0].sentence.text.startswith("The fever outbreak at Kell hospital has now caused five deaths")
    assert summary.caveat is None


def test_an_earlier_figure_after_the_latest_is_a_repeat():
    # "has killed 17 people" (Sunday) is history once "has killed 19 people" (Monday) is printed:
    # left out as the repeat it is, while the same two sentences undated, or the other way round,
    # are two reports that disagree, and both are shown.
    from summarizer import Corpus, Digester, Length
    from summarizer.reading.articles import ArticleParser, Metadata

    toll = "The landslide in St. Aubrin has killed {} people, officials in the Karrow valley said."
    stories = [
        (toll.format(19) + "\n\nRoads into the Karrow valley stay closed.", "2026-03-16"),
        (toll.format(19) + "\n\nSchools in St. Aubrin will reopen next week.", "2026-03-16"),
        (toll.format(17) + "\n\nRescuers searched the mud with dogs.", "2026-03-15"),
    ]

    def shown(dates: tuple[str | None, ...]) -> list[str]:
        corpus = Corpus([ArticleParser()(text, Metadata(f"outlet{n}", date=date))
                         for n, ((text, _), date) in enumerate(zip(stories, dates))])
        topic = query_topic("The landslide in St. Aubrin", STOP)
        return [item.sentence.text for item in Digester(length=Length(sentences=4))(corpus, [topic]).summaries[0].sentences]

    dated = shown(tuple(date for _, date in stories))
    assert dated[0] == toll.format(19) and toll.format(17) not in dated
    assert toll.format(17) in shown((None, None, None))
    assert toll.format(17) in shown(("2026-03-14", "2026-03-14", "2026-03-15"))  # 17 is the later figure
def test_a_count_that_rose_is_not_cited_as_the_same_statement():
    # Held-out audit 9: "has grown to 11 confirmed cases" cited, as "also in", an article saying
    # "the number of confirmed cases has risen to 19" (cosine 0.73): its figures come after the
    # noun, so comparing "11 confirmed" with "19 confirmed" never happened. An article giving more
    # figures than the sentence still says the same ("Varsk, 33, is charged in three bombings").
    from summarizer import Corpus
    from summarizer.ranking.selection import same_statement
    from summarizer.reading.articles import ArticleParser, Metadata

    texts = [
        "An outbreak of Legionnaires' disease at Saint Brevin Hospital has grown to 11 confirmed cases, and "
        "three patients have died, the hospital said on Thursday.\n\nThe hospital traced it to a cooling tower.",
        "A fourth patient has died in the Legionnaires' disease outbreak at Saint Brevin Hospital, and the number "
        "of confirmed cases has risen to 19, the hospital said on Monday.\n\nThe family of the first victim has sued.",
        "An outbreak of Legionnaires' disease at Saint Brevin Hospital has grown to 11 confirmed cases, and three "
        "patients have died, the health office said on Thursday.\n\nVisitors were asked to stay away.",
        "Prosecutors said Edvin Varsk has been charged in three Lindmark-area bombings, including the 2029 "
        "harbour bombing.\n\nThe trial opens in May.",
        "Edvin Varsk, 33, is charged in three Lindmark-area bombings, including the 2029 harbour bombing, "
        "prosecutors said.\n\nHe denies the charges.",
        "Ferry services to Skarra were cancelled on Thursday because of the storm.\n\nThe storm should pass by Monday.",
    ]
    corpus = Corpus([ArticleParser()(text, Metadata(f"outlet{n}")) for n, text in enumerate(texts)])
    eleven = next(row for row, s in enumerate(corpus.sentences) if s.article_id == "outlet0" and s.index == 0)
    cited = [s.article_id for s in same_statement(corpus, eleven, 0.6)]
    assert cited == ["outlet0", "outlet2"]  # the outlet saying 11 says the same; the one saying 19 does not
    charged = next(row for row, s in enumerate(corpus.sentences) if s.article_id == "outlet3" and s.index == 0)
    assert [s.article_id for s in same_statement(corpus, charged, 0.6)] == ["outlet3", "outlet4"]


def test_a_denial_and_the_report_it_denies_are_not_the_same_statement():
    # Held-out audit 16: "... denied reports that Governor Ostrand had offered to resign" was shown "also said
    # in" the article reporting "Governor Ostrand has offered to resign": their words are alike.
    from summarizer import Corpus
    from summarizer.ranking.selection import same_statement
    from summarizer.reading.articles import ArticleParser, Metadata

    texts = ["Central bank governor Hal Ostrand has offered to resign over the Tessby Savings Bank collapse, the "
             "Orvel Courier reported.\n\nThe bank was closed on Monday.",
             "The finance ministry denied reports that central bank governor Hal Ostrand had offered to resign over "
             "the Tessby Savings Bank collapse.\n\nHe was at work on Tuesday."]
    corpus = Corpus([ArticleParser()(text, Metadata(f"outlet{n}")) for n, text in enumerate(texts)])
    for article in ("outlet0", "outlet1"):
        row = next(r for r, s in enumerate(corpus.sentences) if s.article_id == article and s.index == 0)
        assert [s.article_id for s in same_statement(corpus, row, 0.35)] == [article]


def test_how_many_is_answered_first_by_the_latest_count():
    # Held-out audit 9: "How many people have died in the outbreak?" opened with Tuesday's "one of
    # them has died" when Monday's articles said four.
    from summarizer import Corpus, Digester, Length
    from summarizer.reading.articles import ArticleParser, Metadata

    texts = [
        ("2031-05-02", "Outbreak at Brenvale hospital\n\nAn outbreak of fever at Brenvale hospital has killed two "
                       "patients, the health office said on Tuesday.\n\nThe east ward was closed to visitors."),
        ("2031-05-04", "Brenvale outbreak grows\n\nThe fever outbreak at Brenvale hospital has killed three patients, "
                       "the health office said on Thursday.\n\nThe source was traced to a water tank."),
        ("2031-05-08", "Fourth death in Brenvale\n\nThe fever outbreak at Brenvale hospital has now killed four "
                       "patients, the health office said.\n\nInspectors will visit other hospitals."),
        ("2031-05-08", "Ferry cut for winter\n\nThe Skarra ferry will sail twice a week until March, the operator "
                       "said.\n\nFuel costs were blamed."),
    ]
    corpus = Corpus([ArticleParser()(text, Metadata(f"outlet{n}", date=day)) for n, (day, text) in enumerate(texts)])
    topic = query_topic("How many patients has the Brenvale fever outbreak killed?", STOP)
    first = Digester(length=Length(sentences=1))(corpus, [topic]).summaries[0].sentences[0].sentence.text
    assert "killed four patients" in first


def test_how_much_is_answered_about_what_the_question_names():
    # Held-out audit 9: "How much does the Orbis Nine cost?" opened with "the closure ... would cost
    # 530 jobs": a number beside "cost" in a story that never names the phone.
    from summarizer import Corpus, Digester, Length
    from summarizer.reading.articles import ArticleParser, Metadata

    texts = [
        "Review: the Orbis Nine\n\nThe Orbis Nine is the best phone Orbis has made, and at 1,299 crowns it is "
        "also the most expensive.\n\nIts battery lasted a day and a half.",
        "Glassworks to close\n\nThe closure of the Calderwick glassworks would cost 530 jobs, the union said on "
        "Tuesday.\n\nThe company said energy cost too much.",
        "Glassworks closure confirmed\n\nThe union said the closure would cost 530 jobs in Calderwick.\n\n"
        "The plant makes bottles.",
        "Bridge repairs\n\nRepairs to the Pellmoor bridge will cost 12 million crowns, the council said.\n\n"
        "The bridge will close in May.",
    ]
    corpus = Corpus([ArticleParser()(text, Metadata(f"outlet{n}")) for n, text in enumerate(texts)])
    topic = query_topic("How much does the Orbis Nine cost?", STOP)
    first = Digester(length=Length(sentences=1))(corpus, [topic]).summaries[0].sentences[0].sentence.text
    assert first.startswith("The Orbis Nine is the best phone")


def test_a_number_word_has_its_value_as_written_and_as_the_index_stems_it():
    # Citations compare the index's stems: "twelve" is stored as "twelv", "twenty" as "twenti".
    from summarizer.ranking.answers import number_value

    stem = TermAnalyzer().stem
    for word in "two three seven eleven twelve thirteen nineteen twenty".split():
        assert number_value(word) == number_value(stem(word)) is not None, word
    assert number_value("60,000") == "60000" and number_value("one") is None
    # Held-out audit 16: "Twenty-three workers" was no number ("How many workers were hurt?").
    for word, value in (("twenty-three", "23"), ("forty-one", "41"), ("ninety-nine", "99"), ("sixty", "60")):
        assert number_value(word) == number_value(stem(word)) == value, word
    from summarizer.ranking.answers import quantities
    from summarizer.reading.terms import words

    assert quantities(words("Twenty-three workers were hurt.")) == [True, False, False, False]


def test_quantities_are_numbers_not_years_or_days():
    from summarizer.ranking.answers import quantities
    from summarizer.reading.terms import words

    def numbers(text):
        written = words(text)
        return [w for w, is_number in zip(written, quantities(written)) if is_number]

    assert numbers("The convoy of 40 trucks carried 60,000 litres and hundreds of tents.") == ["40", "60,000", "hundreds"]
    assert numbers("It began in 1999 and ended on Nov. 25, at 10:30, or on 5 May.") == []
    assert numbers("Prices rose 2.5 percent, after 2020 percent in Tarvonia.") == ["2.5", "2020"]
    # Every number word up to twenty: "nineteen" was no quantity, so "How many people died?" passed
    # over "The landslide killed nineteen people in all."
    assert numbers("Thirteen, fourteen, sixteen, seventeen, eighteen or nineteen people.") == [
        "Thirteen", "fourteen", "sixteen", "seventeen", "eighteen", "nineteen"]


def test_query_without_content_words_is_an_error():
    with pytest.raises(TopicsError):
        query_topic("what is it about?", STOP)


def test_unknown_topic_lists_the_known_ones():
    with pytest.raises(UnknownTopicError) as error:
        select_topics(BUILTIN_TOPICS, ["weather"])
    assert "aid, mediation, security" in str(error.value)


def _summary_of(topic_name: str, *texts: str):
    from summarizer import Corpus, Digester, Length
    from summarizer.reading.articles import ArticleParser, Metadata

    corpus = Corpus([ArticleParser()(text, Metadata(f"a{i}")) for i, text in enumerate(texts)])
    topic = next(t for t in BUILTIN_TOPICS if t.name == topic_name)
    return Digester(length=Length(sentences=3))(corpus, [topic]).summaries[0]


def test_a_campaigns_aides_are_not_aid():
    summary = _summary_of(
        "aid",
        "Governor Hale Marsh of Tarrow hired two new aides for his campaign on Monday, his office said. "
        "The aides will run the campaign's offices in the northern counties until the vote in May.",
    )
    assert summary.sentences == ()


def test_one_topic_word_in_another_sense_is_not_the_topic():
    election = (
        "Governor Hale Marsh of Tarrow will host a televised debate with his rival on Friday. "
        "The debate is the first of three before the vote in May, organisers said. "
        "Marsh faces a host of questions over the county budget and the new stadium."
    )
    assert _summary_of("mediation", election).sentences == ()
    # Once the corpus uses the word in the topic's sense, it counts, and the clearest use leads.
    talks = election + " Lindmark offered to host ceasefire talks between Tarrow and Valdon next week."
    chosen = _summary_of("mediation", talks).sentences
    assert chosen[0].sentence.text == "Lindmark offered to host ceasefire talks between Tarrow and Valdon next week."


def test_a_topic_s_phrase_written_as_one_word_is_the_topic():
    # "air defence" is a phrase of the security topic; news also writes it "air-defence", and a
    # question's "cease-fire" is an article's "ceasefire".
    story = ("Two soldiers were wounded when shells hit the Tarrow crossing on Sunday, the army said. "
             "General Ivo Marsk ordered extra air-defence units to the border near Tarrow on Monday. "
             "The harbour of Valdon reopened to fishing boats after the winter storms.")
    texts = [i.sentence.text for i in _summary_of("security", story).sentences]
    assert "General Ivo Marsk ordered extra air-defence units to the border near Tarrow on Monday." in texts
    assert not any("harbour" in t for t in texts)

    from summarizer import Corpus, Digester, Length
    from summarizer.reading.articles import ArticleParser, Metadata

    talks = ArticleParser()("Tarrow and Valdon agreed a ceasefire on Sunday after talks in Lindmark. "
                            "Fishing boats returned to the harbour of Valdon.", Metadata("t"))
    question = query_topic("When was the cease-fire agreed?", TermAnalyzer().stop_words)
    chosen = Digester(length=Length(sentences=1))(Corpus([talks]), [question]).summaries[0].sentences
    assert [i.sentence.text for i in chosen] == ["Tarrow and Valdon agreed a ceasefire on Sunday after talks in Lindmark."]


def test_a_story_titled_with_a_topic_word_is_about_it(tmp_path):
    from summarizer import Corpus, Digester, Length
    from summarizer.reading.articles import ArticleParser, Metadata

    (energy,) = load_topics_file(write(tmp_path / "t.toml", '[topics.energy]\nkeywords = ["oil", "gas", "fuel", "pipeline"]\n'))
    parse = ArticleParser()
    market = ("Oil fell on Tuesday after exporters in Ostria said they would not cut output. "
              "Traders in Tarrow expect oil to stay cheap through the winter.")
    idiom = "The mayor of Valdon said the new tax would only pour fuel on the protests in the square."
    titled = Corpus([parse(market, Metadata("m", title="Oversupply drags oil lower")), parse(idiom, Metadata("i", title="Tax row"))])
    texts = [i.sentence.text for i in Digester(length=Length(sentences=3))(titled, [energy]).summaries[0].sentences]
    assert texts and all("oil" in t.lower() for t in texts), texts
    # Untitled, "oil" said once meets no other word of the topic and is not taken for it.
    once = market.replace("expect oil to stay cheap", "expect prices to stay low")
    untitled = Corpus([parse(once, Metadata("m", title="Markets")), parse(idiom, Metadata("i", title="Tax row"))])
    assert Digester(length=Length(sentences=3))(untitled, [energy]).summaries[0].sentences == ()
    # Said in two sentences of one story, where no sentence holds two of the topic's words, it is
    # (held-out audit 19: "negotiations" over water vanished from mediation once another story said
    # "talks"); the idiom, said once, is still not.
    untitled = Corpus([parse(market, Metadata("m", title="Markets")), parse(idiom, Metadata("i", title="Tax row"))])
    texts = [i.sentence.text for i in Digester(length=Length(sentences=3))(untitled, [energy]).summaries[0].sentences]
    assert texts and all("oil" in t.lower() for t in texts), texts


def test_context_words_count_only_in_articles_that_use_a_keyword():
    show = ("The talk show host Mara Ellwood opened a new season in Tarrow on Monday. "
            "Her first guests talked about the meeting of the town's chess club.")
    assert _summary_of("mediation", show).sentences == ()
    talks = ("Envoys from Tarrow and Valdon met in Lindmark to negotiate a ceasefire. "
             "Lindmark will host the next meeting of the two delegations on Friday, officials said.")
    texts = [i.sentence.text for i in _summary_of("mediation", talks).sentences]
    assert "Lindmark will host the next meeting of the two delegations on Friday, officials said." in texts


def test_a_topics_file_can_give_context_words(tmp_path):
    path = write(tmp_path / "topics.toml", '[topics.energy]\nkeywords = ["gas", "pipeline"]\ncontext = ["prices", "winter"]\n')
    (energy,) = load_topics_file(path)
    assert energy.keywords == ("gas", "pipeline") and energy.context == ("prices", "winter")
    bad = write(tmp_path / "bad.toml", '[topics.energy]\nkeywords = ["gas"]\ncontext = "prices"\n')
    with pytest.raises(TopicsError, match="context must be a list of strings"):
        load_topics_file(bad)


def _digest(texts, topic, sentences):
    from summarizer import Corpus, Digester, Length
    from summarizer.reading.articles import ArticleParser, Metadata

    corpus = Corpus([ArticleParser()(text, Metadata(f"a{i}")) for i, text in enumerate(texts)])
    if isinstance(topic, str):
        topic = query_topic(topic, corpus.analyzer.stop_words)
    return Digester(length=Length(sentences=sentences))(corpus, [topic]).summaries[0]


def test_a_question_is_about_the_subject_it_names_not_its_incidental_words():
    # The question names its subject twice and "complaints lodged" once; the subject is in every
    # article (so common), the incidental words in one sentence (so rare). Rarity alone made the
    # parking complaint the second most relevant sentence.
    texts = [
        "The Lindmark Relief Fund sent food to 3,000 families in the Arno valley this winter. "
        "The Lindmark Relief Fund was founded in 1990 by a group of farmers. "
        "The fund's director, Ana Velez, said donations had doubled.",
        "The Lindmark Relief Fund opened a clinic in Tarrow on Monday. "
        "Two complaints were lodged with the Velin council over the parking fees at the new clinic. "
        "The Lindmark Relief Fund said the clinic would treat 200 patients a week.",
    ]
    question = "Lindmark Relief Fund. Describe the activities of the Lindmark Relief Fund and the complaints lodged against it."
    summary = _digest(texts, question, 6)
    relevance = {item.sentence.text: item.explanation.relevance for item in summary.sentences}
    parking = relevance.pop("Two complaints were lodged with the Velin council over the parking fees at the new clinic.")
    naming_the_fund = [value for text, value in relevance.items() if "Relief Fund" in text]
    assert len(naming_the_fund) == 4 and min(naming_the_fund) > parking


def test_a_question_s_phrase_decides_over_its_words_apart():
    # The question names "Varnholt National Park" and "copper mine". The rangers' sentence has
    # "national", "park", "copper" and "mine" in other phrases ("national government", "mine town")
    # and more shared concepts per word; it came first. The first sentence must name what was asked.
    texts = [
        "Rangers in the park said on Monday that the national government had approved a copper project near "
        "the mine town of Orvale. The Orvale copper mine lies inside Varnholt National Park, home to the last "
        "herds of red deer in the region. Protesters blocked the road to the mine site on Tuesday.",
        "The national government gave its approval to the copper project, rangers in the park said, and the mine "
        "town of Orvale welcomed it. Digging at the copper mine in Varnholt National Park will start in the "
        "spring, the company said. Forty protesters were arrested at the site.",
        "Park rangers said the national government had approved the copper project at the mine in Orvale. "
        "Farmers near Varnholt National Park said the copper mine would poison their wells.",
    ]
    question = ("Orvale copper mine. Describe the development of the copper mine in Varnholt National Park "
                "and the protests against it.")
    (first,) = _digest(texts, question, 1).sentences
    assert "copper mine" in first.sentence.text and "Varnholt National Park" in first.sentence.text


def test_an_article_that_mentions_the_topic_in_passing_does_not_feed_its_summary():
    # Two stories about smog say "air" (a word of "air defence") and "army" once each; what they
    # share ("air quality", "field hospitals") is not what a summary of security is made of.
    security = next(t for t in BUILTIN_TOPICS if t.name == "security")
    texts = [
        "Tarrow moved troops and missiles to the Valdon border on Monday, the defence ministry said. "
        "The army said its soldiers would stay at the border until the talks in Lindmark. "
        "Valdon said the troops on its border were a threat to its security.",
        "Tarrow's army moved troops and missiles to the Valdon border, officials in Valdon said on Monday. "
        "Valdon put its air defence on alert and called up reserve soldiers. "
        "Lindmark offered to host talks between the two governments next week.",
        "A cloud of smog settled over the city of Velin this week, and forecasters warned that air quality "
        "would reach emergency levels. Schools were closed on Tuesday and the city handed out masks. "
        "Doctors said the smog was the worst in ten years, and the army lent the city two field hospitals.",
        "Forecasters warned that air quality in Velin would reach emergency levels as the smog thickened. "
        "The army lent the city two field hospitals for people with breathing problems, doctors said.",
    ]
    chosen = [item.sentence.text for item in _digest(texts, security, 3).sentences]
    assert len(chosen) == 3
    assert not any("smog" in text or "air quality" in text or "field hospitals" in text for text in chosen)


def test_a_phrase_shared_with_a_story_about_something_else_does_not_decide_a_summary():
    # Only the first article is about aid; the second, about a phone call, says "humanitarian aid" in
    # passing. Counted as a concept two articles share, that phrase put the sentence holding it first,
    # before the one that says what the aid is (as on the seeds' `-t aid -n 1`). An article that is
    # not about the topic must change nothing: the summary is the one the aid story gets alone.
    aid = next(t for t in BUILTIN_TOPICS if t.name == "aid")
    story = (
        "Minister Orla Venn said the humanitarian support to Corvanna includes a field hospital, shelter for "
        "refugees, food supplies and medical assistance for the wounded. "
        "In a post online, Venn said the equipment would be sent to Corvanna as part of the humanitarian aid. "
        "The first convoy left the port of Belmire on Friday."
    )
    call = (
        "Prime Minister Ivo Marsk held a phone call on Sunday with the president of Tarrow about the war. "
        "The two leaders spoke for an hour about a ceasefire and the talks planned in Quillon. "
        "Marsk had earlier announced a shipment of humanitarian aid to Corvanna."
    )
    alone = [item.sentence.text for item in _digest([story], aid, 2).sentences]
    beside = [item.sentence.text for item in _digest([story, call], aid, 2).sentences]
    assert alone[0].startswith("Minister Orla Venn said the humanitarian support")
    assert beside == alone


def test_the_titles_a_topic_checks_are_stemmed_with_one_question_to_the_index(tmp_path):
    """A title check over many stories asks the index (a server round trip each time) for the
    titles' stems once, not once per word."""
    from summarizer import Corpus, Digester, Length
    from summarizer.reading.articles import ArticleParser, Metadata

    (energy,) = load_topics_file(write(tmp_path / "t.toml", '[topics.energy]\nkeywords = ["oil", "gas", "fuel", "pipeline"]\n'))
    parse = ArticleParser()
    towns = ["Ostria", "Tarrow", "Valdon", "Merrin", "Calloway", "Brisk"]
    articles = [
        parse(f"Oil prices in {town} rose on Monday, traders said. The harbour of {town} was quiet.",
              Metadata(f"a{i}", title=f"{town} quayside zephyrgram{chr(97 + i)} lanternwick{chr(97 + i)}"))
        for i, town in enumerate(towns)
    ]
    articles.append(parse("Gas was scarce in Pellham all week, the council said.", Metadata("g", title="Pellham")))
    analyzer = TermAnalyzer()
    corpus = Corpus(articles, analyzer)
    asked: list[list[str]] = []

    def index_stems(words: list[str]) -> dict[str, str]:
        asked.append(list(words))
        return {}

    analyzer.stems_from(index_stems, "test index")
    try:
        Digester(length=Length(sentences=3))(corpus, [energy])
    finally:
        analyzer.stems_from(None)
    title_words = {w for ws in asked for w in ws if w.startswith(("zephyrgram", "lanternwick"))}
    assert len(title_words) == 2 * len(towns)  # every title was checked
    assert len([ws for ws in asked if any(w.startswith(("zephyrgram", "lanternwick")) for w in ws)]) == 1


def test_over_unrelated_stories_a_question_s_words_count_together():
    """A folder of unrelated stories, one of them about what is asked ("Oil and gas prices"): five
    shopping stories say "price" over and over and share their phrases ("Black Friday levels"); a
    sentence holding only "price" must not answer before the story about oil and gas prices."""
    oil = ("Heating oil prices in Norvale rose for a third week as the Varn refinery cut its output. "
           "Gas for the city's ferries now costs a fifth more than in October, the port authority said. "
           "Traders said oil stocks at the harbour depot had fallen to their lowest level in four years.")
    shopping = [
        "The price of the Orvik 3 console has dropped to Black Friday levels. The price of the Orvik headphones "
        "fell too, to the lowest price we have seen. Stock is limited and the deal ends on Sunday.",
        "The price of the Tamsa laptop has dropped to Black Friday levels ahead of the holiday. Its price fell "
        "by a third at three stores. The deal ends at midnight.",
        "The price of the Kello phone has dropped to Black Friday levels at two retailers. The price of its "
        "charger also fell. Shoppers queued outside the Lindholm store.",
        "Ride companies raised the price of a trip threefold during the storm, and the price of a short ride "
        "reached forty crowns. The company said surge prices are set by an algorithm.",
        "The grocer Hallen lowered the price of milk and bread in every store. The price of fresh fish fell to "
        "the lowest level in years. Its chief executive said prices would stay low until spring.",
    ]
    others = [
        "The Norvale library reopened on Monday after a year of repairs. Readers returned two thousand books.",
        "The harbour choir won the regional contest in Tessby. The conductor Marta Lune thanked the singers.",
        "A footbridge over the Varn river opened on Saturday. Cyclists and walkers crossed it in the rain.",
        "Pupils at the Eastside school planted a garden of herbs. Teachers said they would cook with them.",
        "The maritime museum opened an exhibit of ship models. The oldest was built in 1871 by a sailor.",
        "Runner Anja Berg set a course record at the Norvale marathon, in two hours and twenty-six minutes.",
        "The city zoo welcomed two otters from a park in Tessby. Keepers said the otters settled in quickly.",
        "The tram line to the airport was extended by two stops. The first trams ran on Friday morning.",
    ]
    summary = _digest([*shopping, oil, *others], "Oil and gas prices", 3)
    assert [s.sentence.article_id for s in summary.sentences] == ["a5"] * 3


def test_a_figure_retold_days_later_is_shown_as_it_now_stands():
    # Held-out audit 13: three outlets gave Tuesday's 3,400 evacuated, one on Wednesday 5,100 in
    # like words. The summary printed 3,400 and left 5,100 out as its repeat.
    wednesday = ("The evacuation order for the Harrow Fell wildfire was extended to the suburb of Linden Vale on "
                 "Wednesday, bringing the number of people forced from their homes to 5,100, the fire service said.")
    texts = [
        ("The number of people forced from their homes by the Harrow Fell wildfire rose to 3,400 on Tuesday, the fire "
         "service said.\n\nCrews worked through the night to hold the fire at the Orvask road.", "2031-11-03"),
        ("The Harrow Fell wildfire forced 3,400 people from their homes by Tuesday, the fire service said, as the "
         "flames crossed the Orvask road.\n\nSchools in Tarrow were turned into shelters.", "2031-11-03"),
        ("Some 3,400 people have now been forced from their homes by the Harrow Fell wildfire, the fire service said "
         "on Tuesday.\n\nThe cause of the fire is not yet known.", "2031-11-03"),
        (wednesday + "\n\nBuses took residents to the Tarrow sports hall.", "2031-11-04"),
    ]
    keywords = ("wildfire", "fire", "evacuation", "homes")
    items = _topic_summary(texts, keywords, 2)
    shown = [item.sentence.text for item in items]
    assert shown[0] == wednesday and not any("3,400" in text for text in shown), shown
    # --explain and JSON say which telling it stands in for.
    assert "rose to 3,400" in items[0].explanation.retells.text


def test_a_vote_moved_to_another_day_is_shown_with_the_new_day():
    texts = ["Members of the Orvel Dockers' Union will vote on the agreement on November 9, the union said.\n\n"
             "The deal ends a strike of eight days at the port of Kessary.",
             "The dockers will vote on the agreement on November 9, union leaders said on Thursday.\n\n"
             "Ships queued outside the port of Kessary.",
             "The union's members will vote on the agreement on November 12, three days later than planned, the union "
             "said.\n\nThe first ships were unloaded at the port of Kessary on Friday."]
    shown = [item.sentence.text for item in _summary(texts, "When will the dockers vote on the agreement?", count=2,
                                                      dates=["2031-11-05", "2031-11-05", "2031-11-06"]).sentences]
    assert "November 12" in shown[0] and not any("November 9" in text for text in shown), shown


def test_two_measures_in_like_words_are_not_one_retold():
    # "widened its recall to 38 batches" and "had received 14 reports of side effects" a day later
    # share the regulator and the medicine: two facts, not one updated.
    batches = ("Pellucor Pharma widened its recall of the tablet Vantrexil to 38 batches on Wednesday, the Medicines "
               "Authority of Lusk said.")
    texts = [(batches + "\n\nPharmacies will exchange the tablets.", "2031-11-04"),
             ("The recall of Vantrexil tablets was widened to 38 batches, the Medicines Authority of Lusk said on "
              "Wednesday.\n\nThe tablets treat high blood pressure.", "2031-11-04"),
             ("The Medicines Authority of Lusk said on Thursday it had now received 14 reports of side effects from "
              "patients who took the recalled Vantrexil tablets.\n\nNone of the reports was serious.", "2031-11-05")]
    keywords = ("recall", "recalled", "batches", "tablets")
    shown = [item.sentence.text for item in _topic_summary(texts, keywords, 2)]
    assert any("38 batches" in text for text in shown), shown


def test_a_name_with_a_number_in_it_is_found_as_articles_write_it():
    # Held-out audit 14: "When will Aurora-1 be launched?" said "nothing here mentions Aurora-1"
    # over three articles naming it, and `-q Aurora-1` printed nothing: the question kept
    # "Aurora-1" whole, the index counts "Aurora" and "1".
    launch = ("The launch of the Tessaly-2 weather satellite remains set for Sunday, March 21, the Orvan Space Agency "
              "said on Thursday.")
    texts = [launch + "\n\nEngineers replaced a faulty valve on the rocket.",
             "The launch of Tessaly-2 was called off on Tuesday because of strong winds above the launch site."
             "\n\nThe satellite was built in Orva.",
             "Fishing boats returned to the port of Kessary after a week of storms.\n\nThe catch was small."]
    summary = _summary(texts, "When will Tessaly-2 be launched?", count=2)
    assert not summary.unmentioned, summary.unmentioned
    assert launch in [item.sentence.text for item in summary.sentences]
    assert len(_summary(texts, "Tessaly-2").sentences) == 2


def test_a_navy_at_sea_is_security_and_donors_to_a_relief_society_are_aid():
    # Held-out audit 14: a fishing dispute with patrol vessels sent by two navies printed "no
    # sentences about security", and a mine disaster's relief society and its donors "no
    # sentences about aid": neither topic had a word for a navy or for donations.
    texts = [
        "Orvan's defence minister said the Orvan navy was watching the fishing grounds west of Kessary.\n\n"
        "Velmar sent the naval patrol vessel Harl to the area on Tuesday.",
        "The Tessel Relief Society said it had collected 200,000 crowns from private donors for the miners' "
        "families.\n\nThe society set up a tent beside the mine gate.",
    ]
    summaries = _digest_of(texts, ("security", "aid"))
    assert all(summary.sentences for summary in summaries), [summary.message for summary in summaries]
    assert "navy" in summaries[0].sentences[0].sentence.text and "donors" in summaries[1].sentences[0].sentence.text


def _digest_of(texts, names):
    from summarizer import Corpus, Digester, Length
    from summarizer.reading.articles import ArticleParser, Metadata

    corpus = Corpus([ArticleParser()(text, Metadata(f"a{i}")) for i, text in enumerate(texts)])
    topics = [next(t for t in BUILTIN_TOPICS if t.name == name) for name in names]
    return Digester(length=Length(sentences=2))(corpus, topics).summaries


def test_a_distance_from_somewhere_answers_where():
    # Held-out audit 14: "nothing here says where" above "found ... in a side gallery about 200
    # metres from the refuge chamber": only a capitalised name counted as a place.
    found = ("The diver Ola Brenn was found on Friday in a passage about 300 metres from the cave entrance, the "
             "Tessel rescue service said.")
    texts = [found + "\n\nShe was taken to hospital in Tessel.",
             "Rescuers searched the Harl caves for a second day for the diver Ola Brenn.\n\nThe weather was calm."]
    summary = _summary(texts, "Where was Ola Brenn found?", count=2)
    assert summary.unanswered is None and summary.sentences[0].sentence.text == found


def test_after_the_asked_event_is_not_its_cause():
    # Held-out audit 14: "What caused the collapse?" opened with "Nineteen miners were trapped ...
    # after part of a tunnel roof collapsed", marked as the reason: "after" gives the reason for
    # what comes before it, not for what follows it.
    trapped = "Twelve miners were trapped underground after the roof of a tunnel collapsed at the Vessel mine on Monday."
    cause = "The collapse at the Vessel mine was caused by cracked roof bolts in the tunnel, inspectors said on Friday."
    texts = [trapped + "\n\nRescuers reached them on Tuesday.",
             trapped.replace("Twelve", "12") + "\n\nTheir families waited at the gate.",
             cause + "\n\nThe mine's operator said it would cooperate."]
    summary = _summary(texts, "What caused the collapse at the Vessel mine?", count=2)
    assert summary.sentences[0].sentence.text == cause, [item.sentence.text for item in summary.sentences]


def test_a_later_sentence_with_fewer_of_the_same_figures_retells_nothing():
    # Held-out audit 14: "shared the catch under a 2020 agreement that gave Norvessa 55 percent and
    # Bruvia 45 percent" was replaced by a later "... which gave Norvessa 55 percent": less, not newer.
    fuller = ("Orva and Velmar shared the herring catch under an agreement that gave Orva 55 percent and Velmar 45 "
              "percent of the total.")
    texts = [(fuller + "\n\nThe agreement expired in December.", "2031-03-15"),
             ("Under the old agreement Orva took 55 percent and Velmar 45 percent of the herring catch.\n\n"
              "Boats stayed in port.", "2031-03-15"),
             ("Orva and Velmar shared the herring catch under an agreement, which gave Orva 55 percent of the "
              "catch, until it expired.\n\nTalks open in Lunde on Monday.", "2031-03-18")]
    keywords = ("herring", "catch", "agreement")
    items = _topic_summary(texts, keywords, 2)
    assert items[0].sentence.text == fuller and items[0].explanation.retells is None, [i.sentence.text for i in items]


def test_a_forecast_is_not_cited_as_saying_what_happened():
    # Held-out audit 14: "The court will rule on Tuesday on the dam's permit" was cited as also said
    # by two articles reporting the ruling, and the ruling as said by the preview.
    preview = "The Orvan High Court will rule on Tuesday on the building permit for the Kessel dam on the river Harl."
    ruling = "The Orvan High Court on Tuesday struck down the building permit for the Kessel dam on the river Harl."
    texts = [preview + "\n\nVillagers plan to gather outside the court.",
             ruling + "\n\nVillagers cheered outside the court.",
             ruling.replace("struck down", "annulled") + "\n\nThe government said it would study the ruling."]
    summary = _summary(texts, "What did the Orvan High Court decide about the Kessel dam?", count=3,
                       dates=["2031-03-15", "2031-03-16", "2031-03-16"])
    for item in summary.sentences:
        foretelling = {"will rule" in source.text for source in item.sources}
        assert len(foretelling) == 1, [source.text for source in item.sources]


def test_a_corrected_figure_gives_way_to_its_correction():
    # Held-out audit 14: "Seventeen miners are trapped ..., not nineteen as first reported" was
    # shown with the "Nineteen miners were trapped" it corrects: it says "not", which made the two
    # another statement each, when it says "not" of the old figure only.
    first = ("Nineteen miners were trapped underground after a tunnel roof fell at the Harl copper mine near Tessel "
             "late on Monday, the miners' union said.")
    correction = ("Seventeen miners are trapped underground at the Harl copper mine, not nineteen as first reported, the "
                  "mine's operator said on Tuesday.")
    texts = [(first + "\n\nRescue teams were lowered into the mine.", "2031-03-16"),
             (first.replace("the miners' union said", "officials said") + "\n\nFamilies gathered at the gate.",
              "2031-03-16"),
             (correction + "\n\nA borehole reached the refuge chamber.", "2031-03-16")]
    keywords = ("miners", "trapped", "mine")
    shown = [item.sentence.text for item in _topic_summary(texts, keywords, 3)]
    assert correction in shown and not any(text.startswith("Nineteen") for text in shown), shown


def test_a_count_corrected_in_other_words_gives_way_to_its_correction():
    # Held-out audit 18: "approved ... by nine votes to four" led, and "by ten votes to three, the clerk's
    # office said, correcting a count of nine to four given earlier in the day" came second.
    first = "The Orvask council approved the 6.5 million crown recovery budget by nine votes to four on Friday."
    correction = ("The Orvask council approved the recovery budget by ten votes to three, the clerk's office said on "
                  "Saturday, correcting a count of nine to four given on Friday.")
    texts = [(first + "\n\nThe mayor thanked the council.", "2031-03-16"),
             (first.replace("on Friday", "on Friday afternoon") + "\n\nTwo members were absent.", "2031-03-16"),
             (correction + "\n\nThe budget pays for new servers.", "2031-03-17")]
    summary = _summary([text for text, _ in texts], "How many votes did the recovery budget win in the council?",
                       count=2, dates=[date for _, date in texts])
    shown = [item.sentence.text for item in summary.sentences]
    assert shown[0] == correction and first not in shown, shown


def test_a_report_denied_days_later_gives_way_to_its_denial():
    # Held-out audit 14: "Norvessa has lifted its threat to close its ports ..." (one outlet, Wednesday)
    # came first for "Has Norvessa lifted the port ban?" and the minister's denial the next day only
    # after it: the two share too few words to be one statement retold (cosine 0.28).
    report = ("Castrel has lifted its threat to close its harbours to Vennish fishing boats, after the two "
              "governments agreed on Wednesday to hold talks on a new herring agreement with a mediator.")
    denial = ("Castrel's fisheries minister Ondra Velk denied Vennish reports that Castrel had lifted its threatened "
              "ban on Vennish boats.")
    texts = [(report + "\n\nThe talks are to open in Marrow next month.", "2031-03-17"),
             ("Herring boats from Venn were turned away at two Castrel harbours on Monday.\n\n"
              "Their skippers said the catch would spoil.", "2031-03-16"),
             (denial + "\n\nThe harbours stay open for now, he said.", "2031-03-18")]
    shown = [item.sentence.text for item in _summary([t for t, _ in texts], "Has Castrel lifted the harbour ban?",
                                                     count=2, dates=[d for _, d in texts]).sentences]
    assert shown[0] == denial and report not in shown, shown
    # A sentence that only shares the story's names is no denial of it; nor is one said before it.
    items = _topic_summary([(report + "\n\nThe talks are to open in Marrow next month.", "2031-03-17"),
                            (denial + "\n\nThe harbours stay open for now, he said.", "2031-03-16")],
                           ("castrel", "harbours", "ban", "lifted"), 2)
    assert report in [item.sentence.text for item in items], [item.sentence.text for item in items]
    items = _topic_summary([(report + "\n\nThe talks are to open in Marrow next month.", "2031-03-17"),
                            ("Ondra Velk denied that the Castrel fisheries ministry had lost the herring records.\n\n"
                             "An inquiry was opened.", "2031-03-18")],
                           ("castrel", "harbours", "herring", "lifted"), 2)
    assert report in [item.sentence.text for item in items], [item.sentence.text for item in items]
    # DUC 2007: "Netanyahu has not confirmed or denied reports that the two men in custody are Mossad
    # agents" denies nothing.
    withheld = "Castrel's fisheries minister would neither confirm nor deny reports that Castrel had lifted its threat to close its harbours."
    items = _topic_summary([(report + "\n\nThe talks are to open in Marrow next month.", "2031-03-17"),
                            (withheld + "\n\nHe left the meeting early.", "2031-03-18")],
                           ("castrel", "harbours", "ban", "lifted"), 2)
    assert report in [item.sentence.text for item in items], [item.sentence.text for item in items]


def test_a_report_is_replaced_by_its_denial_though_the_denial_is_no_candidate():
    # Held-out audit 15: Security opened with "Gen. Amaru Oduya, the commander of Kalvenia's army, has
    # offered his resignation"; the defence ministry's denial the next day holds no word of Security
    # (its article neither), so it was no candidate to take the report's place.
    report = ("Gen. Tobin Marrak, the commander of the Vessian army, has offered his resignation, the Orvel Courier "
              "reported on Thursday.")
    denial = "Vessia's defence ministry on Friday denied a newspaper report that Gen. Tobin Marrak had offered his resignation."
    texts = [(report + " Troops near the border were put on alert.\n\nThe army did not comment.", "2031-05-07"),
             ("Soldiers of the Vessian army fired shells at the border post of Kell on Wednesday.\n\n"
              "Two soldiers were wounded.", "2031-05-06"),
             (denial + "\n\nThe Courier said it stood by its story.", "2031-05-08")]
    items = _topic_summary(texts, ("army", "soldiers", "troops"), 3)
    shown = [item.sentence.text for item in items]
    assert denial in shown and report not in shown, shown
    assert items[shown.index(denial)].explanation.retells.text == report


def test_an_answer_later_denied_is_followed_by_its_denial():
    # Held-out audit 15: "Who commands the Kalvenian army?" gave only "Gen. Amaru Oduya, the commander of
    # Kalvenia's army, has offered his resignation ..."; the ministry denied it the next day. The report
    # answers the question and keeps its place; the denial comes right after it.
    report = ("Gen. Tobin Marrak, the commander of the Vessian army, has offered his resignation, the Orvel Courier "
              "reported on Thursday.")
    denial = "Vessia's defence ministry on Friday denied a newspaper report that Gen. Tobin Marrak had offered his resignation."
    texts = [report + " Troops near the border were put on alert.\n\nThe army did not comment.",
             "Soldiers of the Vessian army fired shells at the border post of Kell on Wednesday.\n\nTwo were wounded.",
             denial + "\n\nThe Courier said it stood by its story."]
    dates = ["2031-05-08", "2031-05-07", "2031-05-09"]
    summary = _summary(texts, "Who commands the Vessian army?", count=3, dates=dates)
    shown = [item.sentence.text for item in summary.sentences]
    assert shown[:2] == [report, denial], shown
    assert [item.sentence.text for item in _summary(texts, "Who commands the Vessian army?", count=1,
                                                    dates=dates).sentences] == [report]


def test_what_a_thing_costs_is_answered_by_its_price():
    # Held-out audit 15: "How much does the Quillon Fold cost?" said "nothing here says how much" above
    # "... launched the Quillon Fold, a tablet that folds to the size of a phone, priced at 899 crowns."
    launch = ("Tessa Labs on Thursday launched the Tessa Slate, a tablet that folds to the size of a phone, priced at "
              "899 crowns.")
    texts = [launch + "\n\nIt goes on sale in March.",
             "The Tessa Slate has a pen and a hinge of steel.\n\nReviewers praised its screen."]
    summary = _summary(texts, "How much does the Tessa Slate cost?", count=2)
    assert summary.unanswered is None and summary.sentences[0].sentence.text == launch


def test_what_talks_are_on_is_not_where_they_are():
    # Held-out audit 15: "Where are the talks being held?" opened with "... ended without agreement on
    # the town of Corvan": what the talks are about, not where.
    about = "The first day of talks between Tessia and Varn ended without agreement on the town of Kell."
    where = "Negotiators from Tessia and Varn sat down in Lindmark, the capital of neutral Ostra, for the talks."
    texts = [about + "\n\nBoth sides said they would meet again.", where + "\n\nThe talks are the first in a year.",
             about.replace("The first day", "Day one") + "\n\nThe next round opens on Monday."]
    summary = _summary(texts, "Where are the talks between Tessia and Varn being held?", count=2)
    assert summary.sentences[0].sentence.text == where, [item.sentence.text for item in summary.sentences]
    # Nor who holds them: "talks between Tessia and Varn" (in the audit, the first sentence again).
    texts = [about + "\n\nBoth sides said they would meet again.",
             "The talks between Tessia and Varn are the first in eleven months.\n\nNo date was set for the next round.",
             "Ministers clashed over the talks in Lindmark, the paper said.\n\nThe army did not comment."]
    summary = _summary(texts, "Where are the talks being held?", count=2)
    assert summary.sentences[0].sentence.text.startswith("Ministers clashed"), [i.sentence.text for i in summary.sentences]
    # Nor is a name after "to" and a verb: "The ceasefire is meant to allow talks on Kell to continue, Mr.
    # Orrin said" (held-out audit 15: answered where, for "Kell" and "Mr. Orrin").
    from summarizer.ranking.answers import places
    from summarizer.reading.terms import words

    written = words("The ceasefire is meant to allow talks on Kell to continue, Mr. Orrin said.")
    assert not any(places(written))
    written = words("Buses took the families to the sports hall in Tarrow and to Brenna.")
    assert [w for w, place in zip(written, places(written)) if place] == ["Tarrow", "Brenna"]


def test_a_forecast_gives_way_to_what_happened_on_the_day():
    # Held-out audit 15: "When will the High Court rule on the merger?" gave Thursday's "will rule on
    # Friday", with nothing saying that on Friday it blocked the takeover.
    forecast = ("The Orvel High Court will rule on Friday on whether Tessa Mining may take over its rival Varn "
                "Metals, the court said on Thursday.")
    outcome = ("The Orvel High Court on Friday blocked Tessa Mining's takeover of its rival Varn Metals by four votes "
               "to three.")
    texts = [(forecast + "\n\nShares in Varn Metals rose.", "2031-12-04"),
             (forecast.replace("the court said", "a court spokesman said") + "\n\nThe deal is worth 4 billion crowns.",
              "2031-12-04"),
             (outcome + "\n\nTessa Mining said it would consider an appeal.", "2031-12-05")]
    summary = _summary([t for t, _ in texts], "When will the Orvel High Court rule on the takeover?", count=2,
                       dates=[d for _, d in texts])
    shown = [item.sentence.text for item in summary.sentences]
    assert shown[0] == outcome and forecast not in shown, shown
    assert summary.sentences[0].explanation.retells.text == forecast
    # Not a sentence of another day, nor one said before the day foretold.
    other = "The Orvel High Court on Thursday heard the last arguments on Tessa Mining's takeover of Varn Metals."
    from summarizer.ranking.answers import foretold_days, fulfils
    from summarizer.reading.terms import TermAnalyzer, words
    from summarizer.store.concepts import sentence_bigrams

    def concepts(text):
        return sentence_bigrams(words(text), TermAnalyzer())

    days = foretold_days(concepts(forecast))
    assert days == {"friday"}  # not the Thursday it was said on
    assert fulfils(days, concepts(outcome), "2031-12-04", "2031-12-05")
    assert not fulfils(days, concepts(outcome), "2031-12-04", "2031-12-04")  # said before the day
    assert not fulfils(days, concepts(other), "2031-12-04", "2031-12-05")  # another day
    assert not fulfils(days, concepts("The court will explain its ruling on Friday."), "2031-12-04", "2031-12-05")
    assert foretold_days(concepts("Members will vote on the agreement on November 12, the union said.")) == {"novemb 12"}


def test_no_caveat_when_a_sentence_shown_answers():
    # Held-out audit 14, after "talks on the Skerrow Sea" stopped counting as a place: "Where will the
    # mackerel talks be held?" said "nothing here says where" above "The talks will still be held in
    # Lunde on Carrow Island." (second: less relevant than the sentence every outlet printed).
    agreed = ("Orsa suspended its threatened ban on Kell fishing boats on Wednesday after the two countries agreed "
              "to hold talks on the Tessel Sea mackerel catch with a mediator.")
    texts = [agreed + "\n\nKell fishermen welcomed the news.",
             agreed.replace("on Wednesday", "late on Wednesday") + "\n\nThe mackerel season opens in May.",
             "Orsa and Kell agreed to hold mackerel talks with a mediator, officials said.\n\n"
             "The talks will still be held in Lunde on Marrow Island."]
    summary = _summary(texts, "Where will the mackerel talks be held?", count=3)
    shown = [item.sentence.text for item in summary.sentences]
    assert "The talks will still be held in Lunde on Marrow Island." in shown, shown
    assert summary.caveat is None, summary.caveat


def test_how_much_reaches_past_a_unit_of_to_what_it_counts():
    # Held-out audit 16: "How much solvent leaked?" said "nothing here says how much" above "About 40 tonnes
    # of the industrial solvent ferrolene leaked ..." (the solvent five words from its figure), and the
    # correction "65 tonnes of ferrolene leaked ..., not 40 tonnes as first reported" came third.
    spill = ("About 40 tonnes of the industrial solvent varrolene leaked into the River Tass on Wednesday after a "
             "storage tank burst at the Orvel Chemicals plant.")
    correction = ("Orvel Chemicals said on Thursday that 65 tonnes of varrolene leaked from the burst tank, not 40 "
                  "tonnes as first reported.")
    texts = [spill + "\n\nFishing on the river was banned.", spill.replace("About 40", "Some 40") + "\n\nThe plant "
             "was closed.", correction + "\n\nAbout 12 tonnes of dead fish have been removed from the river."]
    summary = _summary(texts, "How much solvent leaked?", count=2, dates=["2031-12-03", "2031-12-03", "2031-12-04"])
    shown = [item.sentence.text for item in summary.sentences]
    assert summary.caveat is None and shown[0] == correction, (summary.caveat, shown)
    # Over a whole folder of the story, the correction ranked far less relevant (only "leaked"), too little
    # to be shown alone: it still takes the report's place.
    from dataclasses import replace

    from summarizer import Corpus, Length
    from summarizer.ranking.ranker import TopicRanker
    from summarizer.ranking.selection import CoverageSelector
    from summarizer.reading.articles import ArticleParser, Metadata

    corpus = Corpus([ArticleParser()(text, Metadata(f"outlet{n}", date=date)) for n, (text, date) in
                     enumerate(zip(texts, ["2031-12-03", "2031-12-03", "2031-12-04"]))])
    ranking = TopicRanker()(corpus, query_topic("How much solvent leaked?", STOP))
    relevance = ranking.relevance.copy()
    relevance[[corpus.sentences[row].text for row in ranking.rows].index(correction)] = 0.05 * relevance.max()
    chosen, _ = CoverageSelector()(corpus, replace(ranking, relevance=relevance), Length(sentences=2))
    assert chosen[0].sentence.text == correction, [item.sentence.text for item in chosen]


def test_a_count_of_people_is_no_answer_to_what_else_is_counted():
    # Held-out audit 16: "How much money is missing at Carrowmere?" took "... the collapse of Carrowmere
    # Savings Bank, two people familiar with the matter told the Herald" for an answer.
    from summarizer.ranking.answers import says

    stem = TermAnalyzer().stem
    asked = frozenset(stem(w) for w in ("money", "missing", "carrowmere"))
    assert not says("The governor offered to resign over the collapse of Carrowmere Savings Bank, two people familiar "
                    "with the matter said.", asked, "quantity", stem)
    assert says("Carrowmere said 2.9 billion crowns of depositors' money is missing.", asked, "quantity", stem)
    # A sum of money answers "how much money" wherever the word "money" is: "The hole in Carrowmere's accounts
    # is 2.9 billion crowns" (held-out audit 16, the answer nothing found).
    assert says("The hole in Carrowmere Savings Bank's accounts is 2.9 billion crowns, the board said.", asked,
                "quantity", stem)
    assert not says("The hole in Carrowmere Savings Bank's roof is 2.9 metres wide.", asked, "quantity", stem)
    people = frozenset(stem(w) for w in ("people", "hospital", "spill"))
    assert says("Forty people were taken to hospital after the spill.", people, "quantity", stem)


def test_how_many_died_is_answered_by_the_death_toll_as_it_now_stands():
    # Held-out audit 15: "How many people died when the Veskel Dam burst?" gave Thursday's "killing at
    # least 23 people"; Friday's "The death toll ... has risen to 41" matched only the dam's name.
    burst = ("The Orvel Dam on the river Tass burst at about 4 a.m. on Wednesday, sending a wall of water through "
             "three villages and killing at least 23 people, officials said.")
    toll = ("The death toll from the collapse of the Orvel Dam has risen to 41, the provincial government said on "
            "Friday, as rescuers reached the last of the flooded villages.")
    texts = [burst + "\n\nHundreds of families spent the night in schools in Brenna.",
             burst.replace("officials said", "the police said") + "\n\nThe army sent boats.",
             "The number of people forced from their homes by the Orvel Dam flood has reached 9,800.\n\n"
             "Schools in Brenna were turned into shelters.",
             toll + "\n\nNine people are still missing."]
    summary = _summary(texts, "How many people died when the Orvel Dam burst?", count=2,
                       dates=["2031-12-03", "2031-12-03", "2031-12-04", "2031-12-04"])
    assert summary.sentences[0].sentence.text == toll, [item.sentence.text for item in summary.sentences]
    # A count of people that is no count of the dead answers nothing here (it did: "people", near it).
    from summarizer.ranking.answers import says
    from summarizer.reading.terms import TermAnalyzer

    displaced = "The number of people forced from their homes by the Orvel Dam flood has reached 9,800."
    assert not says(displaced, frozenset({"peopl", "die", "orvel", "dam", "burst"}), "quantity", TermAnalyzer().stem)
    assert says(toll, frozenset({"peopl", "die", "orvel", "dam", "burst"}), "quantity", TermAnalyzer().stem)
    # The earlier count fits the question better (it says "burst" and "people"). Over a whole folder
    # of the story, the later one ranked far less relevant (0.23 of the best: only "death" and the dam's
    # name), too little to count as an answer, and it is close to the earlier one in few words (cosine
    # 0.31). It gives the same question's answer days later: it is where the count stands.
    from dataclasses import replace

    from summarizer import Corpus, Length
    from summarizer.ranking.ranker import TopicRanker
    from summarizer.ranking.selection import CoverageSelector
    from summarizer.reading.articles import ArticleParser, Metadata

    burst = ("The Orvel Dam on the river Tass burst at about 4 a.m. on Wednesday, sending a wall of water through "
             "three villages in the province of Marrow and killing at least 23 people, provincial officials said.")
    toll = ("The death toll from the collapse of the Orvel Dam has risen to 41, the Marrow provincial government said "
            "on Friday, as rescuers reached the last of the three flooded villages.")
    parse = ArticleParser()
    corpus = Corpus([parse(burst + "\n\nHundreds of families spent the night in schools in Brenna.",
                           Metadata("thursday", date="2031-12-03")),
                     parse(toll + "\n\nNine people are still missing.", Metadata("friday", date="2031-12-04"))])
    ranking = TopicRanker()(corpus, query_topic("How many people died when the Orvel Dam burst?", STOP))
    texts = [corpus.sentences[row].text for row in ranking.rows]
    relevance = ranking.relevance.copy()
    relevance[texts.index(toll)] = 0.23 * relevance.max()
    chosen, _ = CoverageSelector()(corpus, replace(ranking, relevance=relevance), Length(sentences=2))
    assert chosen[0].sentence.text == toll and chosen[0].explanation.retells.text == burst, \
        [item.sentence.text for item in chosen]
    assert burst not in [item.sentence.text for item in chosen]


def _topic_summary(dated_texts, keywords, count):
    """The sentences of a topic of these keywords over invented articles given as (text, date)."""
    from summarizer import Corpus, Digester, Length
    from summarizer.model import Topic
    from summarizer.reading.articles import ArticleParser, Metadata

    parse = ArticleParser()
    corpus = Corpus([parse(text, Metadata(f"outlet{n}", date=date)) for n, (text, date) in enumerate(dated_texts)])
    topic = Topic(keywords[0], keywords[0].title(), keywords, origin="test")
    return Digester(length=Length(sentences=count))(corpus, [topic]).summaries[0].sentences


def test_a_length_of_time_is_no_count_and_a_sum_reaches_to_its_unit():
    # Held-out audit 14: "How many workers were laid off?" opened with "... two weeks later than first
    # planned", marked as how many; "How much has been spent?" was told "nothing here says how much"
    # above "810 million florins had been spent" (the figure five words from "spent").
    delayed = ("The Kessel dam company said it would decide on the workers laid off at the dam two weeks later than "
               "first planned.")
    laid_off = "The Kessel dam company said 1,150 workers had been laid off at the dam on Wednesday."
    texts = [delayed + "\n\nThe union called a meeting.", laid_off + "\n\nMost of them live in Tarrow.",
             delayed.replace("The Kessel dam company", "The company") + "\n\nThe court ruling stopped the work."]
    summary = _summary(texts, "How many workers were laid off at the Kessel dam?", count=2)
    assert summary.sentences[0].sentence.text == laid_off, [item.sentence.text for item in summary.sentences]
    spent = ("The Orvan finance ministry said 810 million crowns had been spent on the Kessel dam so far, more than "
             "planned.")
    texts = [spent + "\n\nThe dam was to be finished in 2033.",
             "Work on the Kessel dam stopped after the court annulled its permit.\n\nVillagers cheered."]
    summary = _summary(texts, "How much has been spent on the Kessel dam?", count=2)
    assert summary.unanswered is None and summary.sentences[0].sentence.text == spent


def test_a_sum_of_money_counts_no_people_and_answers_what_is_paid():
    # Held-out audit 17: "How many people have been evacuated because of the Ostmere fire?" led with "A
    # relief fund for people who lost their homes in the Ostmere fire had collected 1.8 million crowns";
    # "How much compensation will passengers receive?" missed "will pay 250 crowns to every passenger"
    # (the figure four words from "passenger"); "How much will the Lumeo Fold cost?" was answered by
    # "an e-reader whose screen folds in half".
    from summarizer.ranking.answers import says

    stem = TermAnalyzer().stem

    def asks(*words):
        return frozenset(stem(w) for w in words)

    evacuated = asks("people", "evacuated", "orsk", "fire")
    assert not says("A relief fund for people who lost their homes in the Orvask fire had collected 1.8 million crowns.",
                    evacuated, "quantity", stem)
    assert not says("Donors gave $40,000 to people who fled the Orvask fire.", evacuated, "quantity", stem)
    assert says("About 3,900 people have been evacuated from villages near the Orvask fire.", evacuated, "quantity", stem)
    compensation = asks("compensation", "passengers", "receive")
    assert says("Tarrow Air will pay 250 crowns to every passenger whose flight was cancelled.", compensation,
                "quantity", stem)
    assert says("Each passenger is owed €250 in compensation.", compensation, "quantity", stem)
    assert not says("Compensation talks for 58,000 passengers opened on Friday.", compensation, "quantity", stem)
    cost = asks("lumeo", "fold", "cost")
    assert not says("Lumeo unveiled the Lumeo Fold, an e-reader whose screen folds in half.", cost, "quantity", stem)
    assert says("The Lumeo Fold will cost 329 crowns when it goes on sale.", cost, "quantity", stem)
    # Held-out audit 18: "How much ransom are the hackers demanding?" said "nothing here says how much" above
    # "raised its ransom demand to 1.8 million crowns"; a reward "of 250,000 korun" is money too.
    assert says("The gang raised its ransom demand to 1.8 million crowns on Thursday.", asks("ransom", "hackers",
                "demanding"), "quantity", stem)
    assert says("The insurer offered a reward of 250,000 korun for the painting.", asks("reward", "insurer"),
                "quantity", stem)
    # Held-out audit 18: "Twenty-two of the city's systems were shut down" counts the systems, five words on.
    assert says("Twenty-two of the city's computer systems were shut down by the attack.",
                asks("marrowgate", "systems", "affected"), "quantity", stem)
    # A sum in millions with no unit answers where money is asked; a count of things in millions does not.
    economy = asks("strike", "costing", "economy")
    assert says("The strike is costing Erdova's economy about 40 million a day, the chamber said.", economy,
                "quantity", stem)
    assert not says("The recall of the Lumeo Fold covers about 1.2 million packs.", cost, "quantity", stem)


def test_where_is_answered_by_a_place_phrase_a_few_words_on():
    # Held-out audit 17: "Where did the wildfire break out?" said "nothing here says where" above "A wildfire
    # that broke out on Wednesday night in the pine hills north of Ostmere ...": the name ends a phrase
    # that opens with "in", five words from "broke", ten from the name.
    broke = ("A wildfire that broke out on Wednesday night in the pine hills north of Tessel has burned 4,200 "
             "hectares, officials said.")
    texts = [broke + "\n\nCrews worked through the night.",
             "The wildfire has burned 9,800 hectares, the fire service said on Friday.\n\nRain is not expected.",
             "Smoke from the wildfire closed schools on Friday.\n\nThe wildfire is the largest this year."]
    summary = _summary(texts, "Where did the wildfire break out?", count=2)
    assert summary.unanswered is None
    assert summary.sentences[0].sentence.text == broke


def test_a_preposition_of_time_places_nothing():
    # Held-out audit 17: "Where were passengers stranded?" took "Talks on compensation for passengers ...
    # opened on Friday between Orla Air and the Passenger Rights Council" for where: "on Friday" is when.
    from summarizer.ranking.answers import says

    stem = TermAnalyzer().stem
    asked = frozenset(stem(w) for w in ("passengers", "stranded"))
    assert not says("Talks on compensation for passengers hit by the outage opened on Friday between Orla Air and the "
                    "Passenger Rights Council.", asked, "place", stem)
    assert not says("Passengers were stranded for hours in March, Orla Air said.", asked, "place", stem)
    assert says("Passengers were stranded for hours at Tarrow airport, Orla Air said.", asked, "place", stem)


def test_no_reason_given_is_no_answer_to_why():
    # Held-out audit 14, once answers by their form were shown however little else of the question they
    # hold: "Why did the court annul the dam permit?" opened with "The court had been due to rule on March
    # 2 but postponed its decision by two weeks without giving a reason."
    from summarizer.ranking.answers import says

    stem = TermAnalyzer().stem
    asked = frozenset(stem(w) for w in ("court", "annul", "dam", "permit"))
    assert not says("The court postponed its decision on the dam permit by two weeks without giving a reason.", asked,
                    "reason", stem)
    assert says("The court gave its reason: the dam permit had skipped the public consultation.", asked, "reason", stem)
    assert says("The court annulled the dam permit due to a lack of public consultation.", asked, "reason", stem)


def test_a_figure_beside_the_owner_alone_does_not_answer_what_it_owns():
    # Held-out audit 18: "How much did the gallery's new alarm system cost?" (no article says) was
    # answered, without a caveat, by the stolen pieces' value: "... from the Halvorsen Gallery at 6.5
    # million korun", a sum beside "gallery", the owner of what was asked.
    valued = ("Insurers now value the pieces stolen from the Kellby Gallery at 6.5 million korun, the gallery "
              "said on Thursday.")
    asked_for = "The gallery said it had asked the town for a new alarm system after the theft."
    texts = [valued + "\n\nTwo men were seen leaving by a side door.",
             asked_for + "\n\nThe old alarm had not rung.",
             "Police in Varn are still looking for the two men.\n\n" + asked_for]
    question = "How much did the gallery's new alarm system cost?"
    summary = _summary(texts, question, count=2)
    assert summary.unanswered is not None, [item.sentence.text for item in summary.sentences]
    # Whether a sum is asked is the question's, though no article says "cost": a count of doors is no price.
    doors = "The new alarm system covers 40 doors and windows, the gallery said."
    summary = _summary(texts + [doors + "\n\nIt was fitted on Monday."], question, count=2)
    assert summary.unanswered is not None, [item.sentence.text for item in summary.sentences]
    cost = "The gallery's new alarm system cost 80,000 korun, its director said."
    summary = _summary(texts + [cost + "\n\nIt was fitted on Monday."], question, count=2)
    assert summary.unanswered is None and summary.sentences[0].sentence.text == cost


def test_after_a_time_says_when_not_why():
    # "Why was the bridge closed?" took "closed shortly after midnight" for its answer: "after" is
    # news's commonest "because", but before a time it says when.
    from summarizer.ranking.answers import says

    stem = TermAnalyzer().stem
    closed = frozenset(stem(w) for w in ("harl", "bridge", "closed"))
    for when in ("shortly after midnight on Tuesday", "after nearly two weeks of work", "after Monday"):
        assert not says(f"The Harl bridge was closed {when}, the county said.", closed, "reason", stem), when
    for why in ("after inspectors found cracks in two piers", "after Monday's storm damaged a pier"):
        assert says(f"The Harl bridge was closed {why}, the county said.", closed, "reason", stem), why
    midnight = "The Harl bridge over the Senn was closed to all traffic shortly after midnight, the county said."
    cracks = "The Harl bridge was closed because inspectors found cracks in two of its piers."
    texts = [midnight + "\n\nDrivers were sent through Orsa.", midnight + "\n\nBuses will use the old road.",
             cracks + "\n\nRepairs may take a year."]
    assert _summary(texts, "Why was the Harl bridge closed?", count=1).sentences[0].sentence.text != midnight


def test_how_much_of_nothing_named_is_answered_by_a_sum_or_a_count():
    # "How much will families who lost their homes receive?" names no sum, and so a sum did not
    # answer it: the summary said "nothing here says how much" above "will pay every family that
    # lost its home 500 crowns". A question asking how much of something named still counts it.
    paid = "The Tessel council will pay every family that lost its home 500 crowns, Mayor Ilse Varno said."
    met = "The Tessel council met on Tuesday to discuss help for families after the flood."
    texts = [met + "\n\nThe river has fallen.", met + "\n\nSchools reopened.", paid + "\n\nThe money comes from reserves."]
    summary = _summary(texts, "How much will families who lost their homes receive?", count=2)
    assert summary.unanswered is None and summary.sentences[0].sentence.text == paid
    assert summary.sentences[0].explanation.answers == "how much"  # as asked, not "how many"
    rain = "About 40 millimetres of rain fell on Tessel overnight, the weather office said."
    summary = _summary(texts + [rain + "\n\nThe river rose."], "How much rain fell on Tessel?", count=2)
    assert summary.unanswered is None and summary.sentences[0].sentence.text == rain
    from summarizer.ranking.answers import asks_a_sum

    stem = TermAnalyzer().stem
    assert asks_a_sum("How much rain fell on Tessel?", frozenset({"rain", "fell"}), stem) is False


def test_a_speech_answers_what_someone_said_and_no_other_question():
    # Held-out audit 13: "Has the port strike ended?" opened with the union leader's speech ("A better
    # offer is a start, but it is not the end. ... we are not going back to work,") above the report
    # that the union suspended its strike. A quotation of several sentences is someone's speech, long
    # for what it tells: it answers a question about what was said, or one naming what it names
    # ("Who is J.R. Tallis?" when "... said Dr. J.R. Tallis, the agency's director" is all that says).
    speech = ('"A better offer is a start, but it is not the end. Our members want their jobs in writing. Until '
              'then, the dockworkers\' strike goes on," said Tamsin Orla, the union leader.')
    ended = "The union suspended the dockworkers' strike late on Thursday after a tentative agreement."
    texts = [speech + "\n\nShips waited offshore.", "Talks at the port went on all week.\n\n" + ended,
             "The dockworkers' strike cost the region dearly.\n\nShips waited offshore."]
    shown = [item.sentence.text for item in _summary(texts, "Has the dockworkers' strike ended?", 3).sentences]
    assert ended in shown and speech not in shown, shown
    shown = [item.sentence.text for item in _summary(texts, "What did the union leader say about the strike?",
                                                     3).sentences]
    assert shown[0] == speech, shown
    shown = [item.sentence.text for item in _summary(texts, "Who is Tamsin Orla?", 3).sentences]
    assert speech in shown, shown
    # One sentence in quotation marks, straight or curly, is a statement like any other.
    said = '"The dockworkers\' strike is over," the union leader said on Friday.'
    shown = [item.sentence.text for item in _summary([said + "\n\nShips docked."] + texts[1:],
                                                     "Has the dockworkers' strike ended?", 3).sentences]
    assert said in shown, shown


def test_ordinary_wording_is_no_sign_that_nothing_here_mentions_it():
    # Held-out audit 19: "When will the next Kestrel launch take place?" said "nothing here mentions
    # place" ("take place" is a verb); "How many people are still missing after the ferry disaster?"
    # said "nothing here mentions ferry disaster", which one article's title says.
    from summarizer import Corpus, Digester, Length
    from summarizer.reading.articles import ArticleParser, Metadata

    moved = "The Calvennan space agency said the next Kestrel launch would be moved from January to March."
    texts = [moved + "\n\nEngineers are replacing every valve.", "The Kestrel rocket failed on Monday.\n\nIt fell."]
    summary = _summary(texts, "When will the next Kestrel launch take place?", count=1)
    assert summary.unmentioned == () and summary.sentences[0].sentence.text == moved
    parse = ArticleParser()
    corpus = Corpus([
        parse("The coast guard said two people remain missing after the ferry capsized on Lake Tarsel.\n\n"
              "Divers searched the wreck.", Metadata("a", title="Two still missing after ferry disaster")),
        parse("The harvest was a disaster for farmers in Ostmark.\n\nPrices rose.", Metadata("b", title="Harvest")),
    ])
    topic = query_topic("How many people are still missing after the ferry disaster?", STOP)
    summary = Digester(length=Length(sentences=1))(corpus, [topic]).summaries[0]
    assert summary.unmentioned == (), summary.unmentioned


def test_people_counted_in_another_state_are_no_update_of_a_count():
    # Held-out audit 19: "How many people were rescued?" never showed "186 people had now been rescued",
    # even at -n 5: Friday's "two people remain missing" counts people too, and was taken for where
    # Tuesday's count stood (the earlier one dropped as out of date).
    rescued = "The Tarsel coast guard said 186 people had now been rescued, and 15 were still missing."
    toll = ("The death toll rose to 14 on Friday after divers recovered three more bodies from the ferry, and two "
            "people remain missing, the coast guard said.")
    texts = ["The ferry capsized on Lake Tarsel on Sunday.\n\n" + rescued, toll + "\n\nThe wreck will be raised."]
    shown = [item.sentence.text for item in _summary(texts, "How many people were rescued?", 3,
                                                     dates=["2031-05-06", "2031-05-09"]).sentences]
    assert rescued in shown, shown
    # A count of people in one state is updated as ever: "has killed 17 people", then "killed 19 people".
    monday = "The ferry disaster on Lake Tarsel has killed 17 people, the coast guard said on Monday."
    tuesday = "The ferry disaster on Lake Tarsel has killed 19 people, the coast guard said on Tuesday."
    shown = [item.sentence.text for item in _summary([monday + "\n\nDivers searched.", tuesday + "\n\nDivers searched."],
                                                     "How many people died in the ferry disaster?", 3,
                                                     dates=["2031-05-06", "2031-05-07"]).sentences]
    assert shown[0] == tuesday and monday not in shown, shown


def test_where_the_thing_asked_about_went_is_answered_though_the_story_is_elsewhere():
    # Held-out audit 19: "Where did the rocket debris fall?" said "nothing here says where" above a
    # denial ("denied reports that debris from the failed Kestrel IV rocket had struck ...", whose
    # "from the failed Kestrel IV" was taken for a place): "Debris fell into the Sorrel Sea" does not
    # say "rocket", and was no answer below the relevance floor.
    from summarizer.ranking.answers import says

    stem = TermAnalyzer().stem
    asked = frozenset(stem(w) for w in ("rocket", "debris", "fall"))
    denial = ("The Orsel Coast Authority on Tuesday denied reports that debris from the failed Varn II rocket had "
              "struck the fishing boat Marta Lind.")
    assert not says(denial, asked, "place", stem)
    fell = "Debris fell into the Orsel Sea, about 300 kilometres east of the coast."
    texts = [
        "A Varn II rocket carrying a weather satellite failed on Sunday, the Calvennan space agency said.\n\n"
        "The rocket's second stage shut down early.\n\n" + fell,
        denial + "\n\nThe boat is back in port.",
        "Engineers are studying why the Varn II rocket failed on Sunday.\n\nA valve is suspected.",
        "The Varn II rocket will not fly again before March, the agency said.\n\nThe next launch was due in January.",
        "Lawmakers asked how much the failed Varn II rocket had cost.\n\nThe agency will answer on Friday.",
    ]
    summary = _summary(texts, "Where did the rocket debris fall?", count=2)
    assert summary.unanswered is None and summary.sentences[0].sentence.text == fell, \
        [item.sentence.text for item in summary.sentences]


def test_a_figure_lowered_from_the_one_first_given_takes_its_place():
    # Held-out audit 19: the water topic opened with Monday's "The surcharge will be 2.40 crowns" though
    # Tuesday's "lowered the surcharge ... to 1.90 crowns, from the 2.40 crowns announced on Monday"
    # says where it stands: "from the 2.40" was not read as what it fell from ("from the" is no concept).
    monday = "The surcharge will be 2.40 crowns per cubic metre above the limit, Brennick Water said on Monday."
    tuesday = ("Brennick Water lowered the surcharge for heavy users to 1.90 crowns per cubic metre, from the 2.40 "
               "crowns announced on Monday.")
    texts = [monday + "\n\nRationing starts on Wednesday.", tuesday + "\n\nLarge families had complained."]
    summary = _summary(texts, "water surcharge in Brennick", count=1, dates=["2031-03-09", "2031-03-10"])
    assert summary.sentences[0].sentence.text == tuesday, [item.sentence.text for item in summary.sentences]


def test_a_question_s_regular_form_meets_the_irregular_forms_of_its_base():
    # Held-out audit 20: "Who leads the negotiations?" found no sentence at all over articles saying
    # "Eskaria's team is led by Deputy Foreign Minister R.K. Almqvist": "leads" was looked for in its own
    # forms only, while "Who will lead ...?" met "led". "Events leading to the war" stays "leading".
    from summarizer.ranking.forms import word_forms

    assert "led" in word_forms("leads") and "went" in word_forms("goes") and "led" not in word_forms("leading")
    led = "Eskaria's team at the border talks is led by Deputy Foreign Minister Runa Almqvist."
    texts = ["Talks to reopen the Drellin Pass began in Lusk on Thursday.\n\n" + led,
             "Trucks queued at the Drellin Pass for a fifth day.\n\nDrivers slept in their cabs."]
    summary = _summary(texts, "Who leads the negotiations?", count=2)
    assert led in [item.sentence.text for item in summary.sentences], summary.message


def test_a_sum_a_month_is_no_later_telling_of_a_total():
    # Held-out audit 20: "How much will repairing the bridge girders cost?" showed "a ferry at 1.9 million
    # crowns a month" in place of "repairing the two girders would cost about 38 million crowns": both
    # count millions of crowns, but a rate is not the total retold.
    total = "The N.R.I. said repairing the two girders would cost about 38 million crowns."
    rate = ("This week showed what that costs: shops half empty, a ferry at 1.9 million crowns a month, and "
            "commuters stuck on the ring road.")
    texts = ["The Tamsin bridge was closed on Monday after cracks were found in two girders.\n\n" + total,
             "Opinion: Corvel needs a second bridge.\n\n" + rate + "\n\nThe town needs a second bridge."]
    summary = _summary(texts, "How much will repairing the bridge girders cost?", count=1,
                       dates=["2031-03-09", "2031-03-11"])
    assert summary.sentences[0].sentence.text == total, [item.sentence.text for item in summary.sentences]


@pytest.mark.parametrize("per", ["a month", "each month", "per month"])
def test_a_rate_retells_no_total(per):
    # "each month" had stopped being a rate when a shorter list of the same name (for speeds) shadowed
    # the rate's words.
    from summarizer.ranking.answers import retells
    from summarizer.reading.terms import TermAnalyzer, words
    from summarizer.store.concepts import sentence_bigrams

    analyzer = TermAnalyzer()
    total = sentence_bigrams(words("Repairing the two girders would cost about 38 million crowns."), analyzer)
    rate = sentence_bigrams(words(f"The ferry costs 1.9 million crowns {per}."), analyzer)
    assert not retells(total, rate, analyzer.stop_words)


def test_a_ruling_that_says_what_will_happen_is_the_outcome_of_its_forecast():
    # Held-out audit 20: "will rule on Friday whether the bridge can reopen" was shown, not "ruled on Friday
    # that the bridge will stay closed ... for at least 14 months": an outcome saying "will" was never taken
    # for what the forecast foretold.
    forecast = "Corvel's Transit Board will rule on Friday whether the Tamsin Bridge can reopen to pedestrians."
    ruling = ("Corvel's Transit Board ruled on Friday that the Tamsin Bridge will stay closed to cars and buses for at "
              "least 14 months while its girders are replaced.")
    texts = [forecast + "\n\nEngineers are studying the cracks.", ruling + "\n\nShops on the bridge road fear the worst."]
    summary = _summary(texts, "What did the Transit Board decide about the Tamsin Bridge?", count=1,
                       dates=["2031-12-02", "2031-12-05"])
    assert summary.sentences[0].sentence.text == ruling, [item.sentence.text for item in summary.sentences]


def test_how_many_on_a_day_is_answered_by_that_day_s_count_or_says_none_is():
    # Held-out audit 20: "How many trucks crossed on Saturday?" was answered by a later day's count, with
    # no caveat: the latest figure of a story answers "how many", not "how many on Saturday".
    saturday = "Some 1,400 trucks crossed the Velka border post on Saturday, the customs office said."
    sunday = "A total of 2,300 trucks crossed the Velka border post yesterday, officials said."
    monday = "About 2,900 trucks crossed the Velka border post on Monday, close to normal traffic."
    texts = [saturday + "\n\nDrivers queued for 30 hours.", sunday + "\n\nExtra officers arrived.",
             monday + "\n\nThe ministry will review the rule."]
    dates = ["2031-03-08", "2031-03-10", "2031-03-11"]  # Saturday, Monday (yesterday: Sunday), Tuesday

    def first(question: str):
        summary = _summary(texts, question, count=2, dates=dates)
        return summary.sentences[0].sentence.text, summary.caveat

    assert first("How many trucks crossed the border post on Saturday?") == (saturday, None)
    assert first("How many trucks crossed the border post on Sunday?") == (sunday, None)
    assert first("How many trucks crossed the border post on March 9?") == (sunday, None)
    # Without a day the latest count answers, as before; a day no article gives a count for is said.
    assert first("How many trucks crossed the border post?") == (monday, None)
    assert first("How many trucks crossed the border post on Thursday?")[1] == (
        "nothing here says how many on Thursday; the closest sentences:")


def test_a_figure_corrected_is_not_shown_after_its_correction():
    # Held-out audit 20: the corrected "212,000 households" came right after "184,000 households had lost
    # power, not 212,000 as it first reported": a correction said which figure was out of date only when
    # the old figure was picked first, not when the correction was.
    first = "The blackout cut power to 212,000 households across Lorvik on Monday, the grid operator Voltara said."
    correction = ("Voltara corrected its figure on Tuesday, saying 184,000 households had lost power, not 212,000 as "
                  "it first reported.")
    texts = [first + "\n\nTrams stopped across the city.", "Power returned to Lorvik on Tuesday.\n\n" + correction,
             "Shops in Lorvik threw away spoiled food after the blackout."]
    summary = _summary(texts, "How many households lost power?", count=3,
                       dates=["2031-02-03", "2031-02-04", "2031-02-05"])
    shown = [item.sentence.text for item in summary.sentences]
    assert shown[0] == correction and first not in shown, shown


def test_a_sum_paid_to_whom_was_asked_answers_how_much_they_receive():
    # Held-out audit 20: "How much will households receive for spoiled food?" opened with the number of
    # households that lost power; "will pay 150 crowns to each household" was no answer, its figure
    # read as counting the words before it only.
    paid = "The city will pay 150 crowns to each household that lost food."
    count = "Voltara said 184,000 households had lost power across Lorvik."
    texts = [count + "\n\nTrams stopped.", "Shops in Lorvik threw away spoiled food after the blackout.\n\n" + paid,
             "Power returned to Lorvik on Tuesday.\n\n" + count]
    summary = _summary(texts, "How much will households receive for spoiled food?", count=2)
    assert summary.sentences[0].sentence.text == paid, [item.sentence.text for item in summary.sentences]


def test_how_many_in_a_state_is_answered_by_the_count_in_that_state():
    # Held-out audit 21: "How many miners were trapped?" opened with Wednesday's "lifted 17 miners out" (a
    # later answer, putting Monday's out of date), and "Twenty-three miners were trapped" was never shown:
    # counts of a thing in other states (trapped, lifted out) were one count retold, unless of "people".
    trapped = "Twenty-three miners were trapped on Monday after a tunnel collapsed at the Brisk mine, the operator said."
    lifted = "Rescuers lifted 17 miners out of the Brisk mine on Wednesday after a rescue shaft reached them."
    texts = [trapped + "\n\nRescuers began drilling a borehole.", lifted + "\n\nTwo more are expected out overnight."]
    summary = _summary(texts, "How many miners were trapped?", count=2, dates=["2031-11-24", "2031-11-26"])
    assert [item.sentence.text for item in summary.sentences] == [trapped, lifted]


def test_a_toll_found_or_feared_answers_how_many_died():
    # Held-out audit 21: "How many miners died?" said "nothing here says how many" above "Two miners were
    # found dead ...": "dead" was one word past a figure's reach.
    found = "Two miners were found dead near the collapsed section, and two remain missing, the operator said."
    texts = ["Rescuers lifted 17 miners out of the Brisk mine on Wednesday.\n\n" + found,
             "The Brisk mine will stay closed.\n\nThe dead men were named as Piet Arvo and Lukas Dem."]
    summary = _summary(texts, "How many miners died?", count=2)
    assert summary.caveat is None and summary.sentences[0].sentence.text == found


def test_how_many_owners_counts_them_and_a_phone_number_counts_nothing():
    # Held-out audit 21: "How many residents' personal data may have been stolen?" opened with "a phone line
    # for residents worried about their data: 0800 555 0142", taken for a count, while "up to 38,000
    # residents" was no answer: "residents'" was read as a mere owner of what was asked.
    phone = "The city has set up a phone line for residents worried about their data: 0800 555 0142."
    stolen = "The city said the personal data of up to 38,000 residents who paid fines online may have been stolen."
    texts = [phone + "\n\n" + stolen, "Oddvale's systems are still down.\n\n" + phone]
    summary = _summary(texts, "How many residents' personal data may have been stolen?", count=2)
    assert summary.sentences[0].sentence.text == stolen
    summary = _summary([phone, "Oddvale's systems are still down.\n\n" + phone], "How many residents are worried about their data?")
    assert summary.caveat == "nothing here says how many; the closest sentences:"


def test_when_is_answered_by_a_time_beside_the_event_asked():
    # Held-out audit 21: "When did the tunnel collapse?" gave "were trapped on Monday after a tunnel
    # collapsed" (when they were trapped) and never "The collapse happened at about 10:15 p.m. on Sunday";
    # "When was the cyberattack discovered?" opened with the day a group claimed the attack.
    trapped = "Twenty-three miners were trapped on Monday after a tunnel collapsed at the Brisk mine, the operator said."
    happened = "The collapse happened at about 10:15 p.m. on Sunday, during the night shift."
    cracks = "A union leader said miners had reported cracks in the tunnel roof weeks before the collapse."
    summary = _summary([trapped + "\n\n" + happened + "\n\n" + cracks, trapped], "When did the tunnel collapse?", count=1)
    assert summary.sentences[0].sentence.text == happened
    claimed = ("A ransomware group on Monday claimed responsibility for a cyberattack that has crippled the computers "
               "of the city of Oddvale.")
    found = "City officials said the attack was discovered at 3:20 a.m. on Sunday, when staff noticed files being encrypted."
    summary = _summary([claimed + "\n\n" + found, claimed], "When was the cyberattack discovered?", count=1)
    assert summary.sentences[0].sentence.text == found


def test_when_will_is_answered_by_a_time_told_ahead():
    # Held-out audit 21: "When will the city's systems be back?" was answered by "warned two years ago that
    # the city's systems were out of date", with no caveat, over the officer who "expected most systems to be
    # restored by Friday".
    warned = "A councillor said the council had been warned two years ago that the city's systems were out of date."
    expected = "The chief information officer said he expected most systems to be restored by Friday."
    texts = [warned + "\n\n" + expected, "Hackers locked the computer systems of the city of Oddvale on Sunday.\n\n" + warned]
    summary = _summary(texts, "When will the city's systems be back?", count=1)
    assert summary.sentences[0].sentence.text == expected


def test_a_topic_s_phrase_is_not_matched_by_one_of_its_words():
    # Held-out audit 21: a "compensation" topic with the keyword "relief fund" took in the mayor's
    # "Paying would only fund the next attack.": a phrase's words were looked for one by one.
    relief = "The governor announced a relief fund of 2 million crowns for the families of the trapped miners."
    texts = [(relief + '\n\n"We will not pay criminals," the mayor said. "Paying would only fund the next attack."', None),
             ("Rescuers reached the refuge chamber.\n\nThe relief fund opened on Monday for the families.", None)]
    shown = [item.sentence.text for item in _topic_summary(texts, ("compensation", "payout", "relief fund"), 4)]
    assert relief in shown and not any("next attack" in text for text in shown), shown


def test_a_toll_answers_only_in_the_story_asked_about():
    # Held-out audit 21 (after "found dead" was read as a toll): "How many people died from listeria?" showed
    # "Two miners were found dead" of a mine collapse: where no answer is as relevant as the floor, an
    # answer in an article telling the story was looked for by the question's words, the dead among them;
    # and "rose to 14 and one person died" was read as 14 dead.
    widened = ("Calvoria widened the recall of Larchmere cheeses after the number of people infected with listeria rose "
               "to 14 and one person died.")
    killed = "The outbreak has sickened 12 people and killed one."
    texts = ["Listeria outbreak traced to brine tank\n\nCalvoria traced a listeria outbreak to a brine tank at a creamery "
             "on Wednesday.\n\n" + killed,
             widened + "\n\nThe recall of Larchmere cheeses covers 140 shops.",
             "Larchmere recall widens\n\n" + widened + "\n\nPeople infected with listeria were treated in hospital after the recall.",
             "Skelloway mine rescue ends\n\nTwo miners were found dead near the collapsed section, the operator said."
             "\n\nSeventeen miners were lifted out alive."]
    summary = _summary(texts, "How many people died from listeria?", count=2)
    shown = [item.sentence.text for item in summary.sentences]
    assert shown[0] == killed and not any("miners" in t for t in shown), shown


def test_an_answer_that_cannot_be_shown_does_not_keep_the_others_from_answering():
    # Held-out audit 21: "Who is most at risk from listeria?" put the outbreak's news first and "Pregnant women,
    # people over 65 ... are most at risk" third: a doctor's warning of three sentences, named beside "a risk
    # group", was the question's one answer though a speech never shows unasked, so nothing else answered.
    group = "Pregnant women, people over 65 and people with weakened immune systems are most at risk, officials said."
    speech = ('"Symptoms can appear weeks after eating the cheese. Anyone in a risk group who has eaten it should '
              'call a doctor. Do not wait," said Dr. Ilse Morten.')
    texts = ["Calvoria ordered a recall of Larchmere Brie after listeria was found in a sample.\n\n" + speech,
             "The listeria outbreak was traced to a brine tank at the Hollin Creek creamery.\n\n" + group,
             "Listeria was found in three batches of Larchmere Brie sold in 140 shops.",
             "The recall of Larchmere cheese was widened on Tuesday as listeria cases rose to 14.",
             "Hollin Creek denied that a September inspection had warned it of listeria.",
             "Shops in Ostrey removed Larchmere cheese after the listeria recall."]
    summary = _summary(texts, "Who is most at risk from listeria?", count=1)
    assert summary.sentences[0].sentence.text == group


def test_which_is_answered_in_the_question_s_phrase_first():
    # Held-out audit 21: "Which cybersecurity firm did the city hire?" opened with "denied that it had hired a
    # negotiation firm", before "hired the cybersecurity firm Graywick Labs": both hold what few articles say.
    denied = ("The city of Tarnholt on Wednesday denied that it had hired a negotiation firm or opened talks with the "
              "hackers who attacked its computers.")
    hired = ("The city has hired the cybersecurity firm Graywick Labs to investigate, and the National Cyber Defence "
             "Office said it had sent a team to Tarnholt.")
    closed = [f"The city of Tarnholt closed {place} on Monday after the attack."
              for place in ("its libraries", "two schools", "the town hall", "the pool", "the museum", "the archive")]
    texts = ["Hackers locked the computers of Tarnholt on Sunday.\n\n" + hired,
             "Tarnholt will not pay the ransom, the mayor said.\n\n" + denied, *closed]
    summary = _summary(texts, "Which cybersecurity firm did the city hire?", count=1)
    assert summary.sentences[0].sentence.text == hired


def test_how_long_is_answered_by_a_length_of_time_or_its_end():
    # Held-out audit 21: "How long will the creamery's plant stay closed?" opened with "halted production ...
    # while inspectors take samples", before "will remain closed for at least three weeks": no question asked
    # how long.
    halted = "Hollin Creek Creamery halted production at its Ferrowby plant while inspectors take samples."
    weeks = "The creamery's plant will remain closed for at least three weeks while the brine system is replaced."
    texts = [halted + "\n\nShops removed the cheese.", "Listeria was traced to a brine tank.\n\n" + halted,
             "The creamery apologised on Wednesday.\n\n" + weeks]
    summary = _summary(texts, "How long will the creamery's plant stay closed?", count=1)
    assert summary.sentences[0].sentence.text == weeks and summary.sentences[0].explanation.answers == "how long"
    until = 'Dr. A.K. Brunnhof said the mine would stay closed "until the inspectorate says it is safe."'
    summary = _summary(["Rescuers reached the Skelloway mine's refuge chamber.\n\n" + until,
                        "The Skelloway mine collapsed on Sunday night."], "How long will the mine stay closed?", count=1)
    assert summary.sentences[0].sentence.text == until
    summary = _summary(["The Skelloway mine collapsed on Sunday night.", "The Skelloway mine is closed."],
                       "How long will the mine stay closed?", count=1)
    assert summary.caveat == "nothing here says how long; the closest sentences:"


def test_a_common_verb_after_the_subject_is_the_question_s_verb():
    # Held-out audit 21: "What did the union leader say?" was told "nothing here mentions union" over articles
    # saying "leader of the Harth Mineworkers' Federation": "leader" was taken for the question's verb (the
    # subject's last word), so "union" alone was what it asked about, and no article used it.
    krall = ("Josef Krall, leader of the Harth Mineworkers' Federation, said miners had reported cracks in the tunnel "
             "roof weeks before the collapse.")
    summary = _summary([krall + "\n\nRescuers drilled on.", "The Skelloway mine collapsed on Sunday."],
                       "What did the union leader say?", count=1)
    assert summary.caveat is None and summary.sentences[0].sentence.text == krall


def test_a_topic_s_name_said_in_its_other_words_is_mentioned():
    # Held-out audit 21: "What aid did Velsia send?" was told "nothing here mentions aid" above the right
    # answer: no article said "aid", though they said "relief" and "assistance", aid's own keywords.
    sent = "Neighbouring Velsia has sent a heavy drilling rig and 40 rescue specialists to help free the miners."
    texts = ["The Skelloway mine collapsed on Sunday.\n\n" + sent,
             "The governor announced a relief fund for the miners' families.\n\nCalvoria promised further assistance."]
    summary = _summary(texts, "What aid did Velsia send?", count=1)
    assert summary.caveat is None and summary.sentences[0].sentence.text == sent
    # Where none of them is used either, nothing mentions it.
    summary = _summary(["The Skelloway mine collapsed on Sunday.\n\n" + sent], "What aid did Velsia send?", count=1)
    assert summary.caveat == "nothing here mentions aid; the closest sentences:"


def test_a_count_naming_no_day_is_of_its_article_s_day():
    # Held-out audit 22: "How many macaques had been recaptured on Wednesday?" was answered by Thursday's "Ten of
    # the escaped macaques are back", standing in for "nine ... by Wednesday evening" as its later telling: a
    # sentence naming no day was no other day's.
    nine = "Keepers had recaptured nine of the escaped goats by Wednesday evening, the Brint farm park said."
    ten = "Ten of the escaped goats are back at the park, and one is still missing."
    texts = [nine + "\n\nThe park will stay closed on Thursday.", ten]
    summary = _summary(texts, "How many goats had been recaptured on Wednesday?", count=1,
                       dates=["2031-11-19", "2031-11-20"])  # Wednesday, Thursday
    assert summary.sentences[0].sentence.text == nine


def test_how_long_reaches_the_event_and_long_is_no_word_to_look_for():
    # Held-out audit 22: "How long did the trial last?" was told "nothing here says how long" above "The trial
    # ... has lasted nine weeks" (the trial eight words from "weeks"), and "long" itself was looked for, so
    # "take as long as they needed" matched it.
    weeks = "The trial at Ferrow District Court has lasted nine weeks."
    freed = ("Some 80 firefighters worked through the night, and the last trapped worker was freed at 05:50 on Tuesday, "
             "about six hours after the collapse.")
    texts = ["The judge told the jurors to take as long as they needed.\n\n" + weeks, "The jury is still out.\n\n" + freed]
    summary = _summary(texts, "How long did the trial last?", count=1)
    assert summary.caveat is None and summary.sentences[0].sentence.text == weeks
    assert "long" not in summary.topic.keywords
    summary = _summary(texts, "How long did it take to free the trapped worker?", count=1)
    assert summary.caveat is None and summary.sentences[0].sentence.text == freed


def test_two_sums_of_different_things_are_not_one_retold():
    # Held-out audit 22: "How much money did Lorrimer divert?" was answered by "the court froze 12 million crowns of
    # her assets", standing in for "diverted 31.5 million crowns" as its later telling: any two sums in crowns
    # were one figure updated.
    diverted = "The jury found that Pella Varn had diverted 31.5 million crowns of customer money from the Ostmark cooperative."
    froze = "Pella Varn will appeal, her lawyer said on Thursday, as the court froze 12 million crowns of her assets."
    texts = [diverted + "\n\nVarn was found guilty on four counts.", froze]
    summary = _summary(texts, "How much money did Varn divert?", count=1, dates=["2031-11-18", "2031-11-19"])
    assert summary.sentences[0].sentence.text == diverted
    # The same sum told again later, in other words beside it, is still retold: the estimate is out of date.
    worth = "The stolen pieces are estimated to be worth 4 million korun, the Kellby Gallery said."
    valued = "Insurers now value the stolen pieces at 6.5 million korun, the Kellby Gallery said on Thursday."
    texts = [worth + "\n\nTwo men were seen leaving.", valued + "\n\nPolice are still looking for the men."]
    summary = _summary(texts, "How much are the stolen pieces worth?", count=2, dates=["2031-11-18", "2031-11-20"])
    assert [item.sentence.text for item in summary.sentences][:1] == [valued]
    assert worth not in [item.sentence.text for item in summary.sentences]


def test_the_word_a_topic_is_named_by_is_used_in_its_sense():
    # Held-out audit 22: -t aid left out "an emergency aid fund of 2 million crowns", as "aid" stood beside no
    # other word of aid anywhere, while a sentence holding two ("relief supplies" in a convoy) showed the sense.
    fund = "The government announced an emergency aid fund of 2 million crowns for the families of victims."
    texts = [("Rail crash in Quarrow\n\n" + fund + "\n\nThe line stays closed.", None),
             ("Convoy reaches Orvel\n\nA convoy carrying relief supplies reached Orvel on Friday.\n\nThe road was icy.", None)]
    shown = [item.sentence.text for item in _topic_summary(texts, ("aid", "relief", "convoy", "supplies"), 3)]
    assert fund in shown, shown


def test_what_someone_said_is_answered_by_their_words():
    # Held-out audit 22: "What did Lorrimer say after the verdict?" left out her statement ("I never took a crown
    # for myself ..."), behind sentences about the verdict that only named her; her statement stood in a short
    # report of her appeal, and "her lawyer said" was said of her, not by her.
    said = '"I never took a crown for myself, and I will prove it," Varn said in a written statement.'
    lawyer = "Pella Varn will appeal against her conviction, her lawyer said on Thursday."
    texts = ["The jury in the fraud trial of Pella Varn spent a second day considering its verdict on Tuesday.\n\n"
             "The verdict against Pella Varn was read on Wednesday.",
             "The guilty verdict against Pella Varn returns no money to the customers of Ostmark Pay.",
             "Court freezes assets\n\n" + lawyer + "\n\n" + said + "\n\nThe court froze 12 million crowns of assets."]
    summary = _summary(texts, "What did Varn say after the verdict?", count=1)
    assert summary.sentences[0].sentence.text == said
    assert summary.sentences[0].explanation.answers == "what was said"


def test_a_name_no_article_mentions_is_named_whole():
    # Held-out audit 22: "What did the Prime Minister say about the derailment?" was told "nothing here mentions
    # Prime" over articles saying "the minister, Sander Kvale": the name's unmentioned word alone.
    texts = ["The minister, Sander Kvale, said he would wait for the report.\n\nThe line stays closed.",
             "A night train derailed near Tarrowby on Monday."]
    summary = _summary(texts, "What did the Prime Minister say about the derailment?", count=1)
    assert summary.caveat == "nothing here mentions Prime Minister; the closest sentences:"


def test_who_died_is_answered_by_the_names_of_the_dead_in_any_word_of_death():
    # Held-out audit 22: "Who died?" gave a count ("three dead") before the names; with articles that never say
    # "died" (only "killed", "the dead", "death toll"), "Who died?" said "nothing here mentions died" and "Who was
    # killed in the derailment?" left the names out: a death's other words were forms of the question's word
    # only when it asked how many.
    named = ("The dead were named as Ilse Brandvik, 34, Oren Tallis, 61, Mika Serrano-Holt, 19, and the train's guard, "
             "Bertil Aune, 58.")
    killed = "Three people were killed and 41 injured when a night train derailed on a curve north of Tarrowby late on Monday."
    texts = [killed + "\n\nThe emergency service confirms three dead and 41 injured in the derailment at Marl Bend.",
             "Death toll rises to four\n\nThe death toll from Monday's derailment near Tarrowby rose to four on "
             "Wednesday.\n\n" + named,
             killed + "\n\nThe line is closed."]
    for question in ("Who died?", "Who died in the derailment?", "Who was killed in the derailment?"):
        summary = _summary(texts, question, count=2)
        assert summary.sentences and summary.sentences[0].sentence.text == named, (question, summary.message)


def test_how_fast_far_old_and_cold_are_answered_by_a_figure_in_the_unit_asked():
    # Held-out audit 23: "How fast did Achterberg swim?" and "How far ...?" printed the same sentences, none
    # with a speed or a distance ("fast" and "far" were no keyword and no kind of answer); "How old is ...?"
    # left out "a 58-year-old" and "Achterberg, 58,".
    record = ("Rosalind Achterberg walked up the shingle at Cape Tolland at 01:22 on Tuesday.\n\n"
              "She swam 78.6 kilometres, far more than the straight line.\n\n"
              "The water temperature was 13.8 degrees Celsius.\n\n"
              "Her average speed was 4.0 kilometres an hour, and she reached 5.2 kilometres an hour in the first hour.")
    start = ("Rosalind Achterberg, a 58-year-old former schoolteacher from Port Amery, set off at dawn to swim "
             "the Strait of Ellisande.\n\nAt 14:00 Achterberg was swimming into a current of 2.5 knots.")
    ratified = "The swimming association ratified Achterberg's record on Thursday, and Achterberg will swim again."
    texts = [record, start, ratified]

    def first(question: str):
        return _summary(texts, question, count=1).sentences[0]

    fast = first("How fast did Achterberg swim?")
    assert fast.sentence.text.startswith("Her average speed was 4.0") and fast.explanation.answers == "how fast"
    assert first("How far did Achterberg swim?").sentence.text.startswith("She swam 78.6 kilometres")
    assert "58-year-old" in first("How old is Rosalind Achterberg?").sentence.text
    assert first("How cold was the water during Achterberg's swim?").sentence.text.startswith("The water temperature")
    # A measure nothing gives is said so.
    assert _summary(texts, "How heavy was Achterberg's support boat?").caveat is not None



def test_a_topic_phrase_with_a_function_word_is_found_in_its_forms():
    # Held-out audit 28: a topic of "step down" found nothing ("no sentences about quit") over "Ardvane Rovers'
    # chairman, Magnus Ferrow, stepped down on Thursday": "down" is no word the index keeps, so the phrase's
    # words were never all found; a place called "Fennick Steps" holds "step" alone.
    texts = [("Orrin Vale club in turmoil\n\nThe club's chairman, Edvar Lund, stepped down on Thursday after the vote."
              "\n\nFans gathered outside.\n", None),
             ("Ferry timetable\n\nThe ferry runs from Harnet Quay to Fennick Steps every twenty minutes.\n", None)]
    shown = [item.sentence.text for item in _topic_summary(texts, ("step down",), 3)]
    assert shown == ["The club's chairman, Edvar Lund, stepped down on Thursday after the vote."]
