"""Runner queries for the search-quality benchmark, grouped by the way runners ask.

Each query lists every page that rightly answers it (pages added to the guide later are added
to the queries they answer, never pages that merely rank well); a hit is the first result (or one of the
first three) being any of them. Queries are written as runners type them: lower case, loose
grammar, plurals and misspellings included.
"""

from __future__ import annotations

E = "exercises/"
P = "problem-areas/"
M = "muscles/"
Q = "equipment/"
R = "routines/"
G = "guides/"
# Pages that arrived with later content and rightly answer queries written before them.
HHT = P + "high-hamstring-tendinopathy/"
# Muscle-group pages (Glutes, Hip abductors, Calves) arrived later; each is the page named by
# the query, so it is a right answer alongside the single muscles.
GLUTES = M + "glutes/"
ABDUCTORS = M + "abductors/"
CALVES = M + "calves/"
MARATHON = [
    G + "strength-in-marathon-training/",
    G + "combining-lifting-and-running/",
    G + "priorities/",
]
# Routines that fit in ten and in five minutes (their `minutes:` when these queries were written).
TEN_MINUTES = [
    R + name + "/"
    for name in [
        *(
            f"{area}-{minutes}-minutes"
            for area in [
                "achilles-tendinopathy",
                "ankle-instability",
                "bone-stress-injury",
                "calf-achilles",
                "gluteal-tendinopathy",
                "hamstring-strain",
                "high-hamstring-tendinopathy",
                "it-band-syndrome",
                "low-back",
                "patellar-tendinopathy",
                "piriformis-syndrome",
                "plantar-heel-pain",
                "runners-knee",
                "shin-pain",
            ]
            for minutes in (5, 10)
        ),
        "weak-hips-5-minutes",
        "general-strength-circuit",
        "pedestal-core",
        "post-run-hips",
        "post-run-mobility",
        "single-leg-after-speed",
        "trail-leg-routine",
        "upper-body-after-intervals",
    ]
]
FIVE_MINUTES = [path for path in TEN_MINUTES if path.endswith("-5-minutes/")]
AT_HOME = [Q + "bodyweight/", G + "general-strength-circuits/", R + "general-strength-circuit/"]

QUERIES: dict[str, list[tuple[str, list[str]]]] = {
    "symptoms in plain words": [
        ("knee pain", [P + "runners-knee/", P + "it-band-syndrome/"]),
        ("sore knee", [P + "runners-knee/", P + "it-band-syndrome/"]),
        ("pain outside knee", [P + "it-band-syndrome/"]),
        ("pain on the outside of the knee", [P + "it-band-syndrome/"]),
        ("knee hurts going downstairs", [P + "runners-knee/"]),
        ("pain around kneecap", [P + "runners-knee/"]),
        ("knee pain after long run", [P + "runners-knee/", P + "it-band-syndrome/"]),
        ("pain in butt when sitting", [P + "piriformis-syndrome/", HHT]),
        ("pain sitting", [P + "piriformis-syndrome/", HHT]),
        ("deep buttock pain", [P + "piriformis-syndrome/", HHT]),
        ("achilles hurts in the morning", [P + "calf-achilles/", P + "achilles-tendinopathy/"]),
        ("heel pain", [P + "calf-achilles/", P + "plantar-heel-pain/"]),
        ("tight calves", [P + "calf-achilles/"]),
        ("calf cramps", [P + "calf-achilles/"]),
        ("hip drops when running", [P + "weak-hips/"]),
        ("hips sway when running", [P + "weak-hips/"]),
        ("lower back pain running", [P + "low-back/"]),
        ("back hurts after running", [P + "low-back/"]),
        ("rolled my ankle", [P + "ankle-instability/", P + "ankle-sprain/"]),
        ("ankle keeps rolling", [P + "ankle-instability/"]),
        ("hamstring tightness", [P + "hamstring-strain/"]),
        ("pulled hamstring", [P + "hamstring-strain/"]),
        ("pain at the top of the hamstring", [P + "hamstring-strain/", HHT]),
    ],
    "injury names and abbreviations": [
        ("runners knee", [P + "runners-knee/"]),
        ("runner's knee", [P + "runners-knee/"]),
        ("PFPS", [P + "runners-knee/"]),
        ("patellofemoral pain", [P + "runners-knee/"]),
        ("ITBS", [P + "it-band-syndrome/"]),
        ("IT band", [P + "it-band-syndrome/"]),
        ("itb syndrome", [P + "it-band-syndrome/"]),
        ("achilles tendinopathy", [P + "calf-achilles/", P + "achilles-tendinopathy/"]),
        ("achilles tendonitis", [P + "calf-achilles/", P + "achilles-tendinopathy/"]),
        ("piriformis syndrome", [P + "piriformis-syndrome/"]),
        ("sciatica", [P + "piriformis-syndrome/", P + "low-back/"]),
        ("ankle sprain", [P + "ankle-instability/", P + "ankle-sprain/"]),
        ("hamstring strain", [P + "hamstring-strain/"]),
        ("calf strain", [P + "calf-achilles/", P + "calf-strain/"]),
        ("trendelenburg", [P + "weak-hips/"]),
    ],
    "muscles, everyday and anatomical": [
        ("glutes", [M + "gluteus-maximus/", M + "gluteus-medius/", GLUTES]),
        ("glute med", [M + "gluteus-medius/"]),
        ("gluteus medius", [M + "gluteus-medius/"]),
        ("hip abductors", [M + "gluteus-medius/", ABDUCTORS]),
        ("hip flexors", [M + "iliopsoas/"]),
        ("psoas", [M + "iliopsoas/"]),
        ("hammies", [M + "hamstrings/"]),
        ("hamstrings", [M + "hamstrings/", P + "hamstring-strain/"]),
        ("quads", [M + "quadriceps/"]),
        ("quadriceps", [M + "quadriceps/"]),
        ("calf muscle", [M + "gastrocnemius/", CALVES]),
        ("calves", [M + "gastrocnemius/", P + "calf-achilles/", CALVES]),
        ("soleus", [M + "soleus/"]),
        ("shin muscle", [M + "tibialis-anterior/"]),
        ("inner thigh", [M + "adductors/"]),
        ("adductors", [M + "adductors/"]),
        ("core muscles", [M + "transverse-abdominis/", M + "rectus-abdominis/", "patterns/core/"]),
        ("abs", [M + "rectus-abdominis/"]),
        ("lats", [M + "latissimus-dorsi/"]),
        ("VMO", [M + "vastus-medialis/"]),
        ("obliques", [M + "obliques/"]),
        ("TFL", [M + "tensor-fasciae-latae/"]),
    ],
    "equipment": [
        ("kettlebell", [Q + "kettlebell/"]),
        ("resistance band", [Q + "band/"]),
        ("mini band", [Q + "band/"]),
        ("dumbbells", [Q + "dumbbell/"]),
        ("no equipment", [Q + "bodyweight/"]),
        ("at home no equipment", [Q + "bodyweight/"]),
        ("TRX", [Q + "suspension-trainer/"]),
        ("barbell", [Q + "barbell/"]),
        ("med ball", [Q + "medicine-ball/"]),
        ("sliders", [Q + "slider/"]),
        ("pull up bar", [Q + "pull-up-bar/"]),
    ],
    "goals and contexts": [
        ("beginner", [G + "priorities/", G + "general-strength-circuits/"]),
        ("beginner strength routine", [G + "priorities/", G + "general-strength-circuits/"]),
        ("how often strength train", [G + "combining-lifting-and-running/", G + "priorities/"]),
        (
            "how often should runners lift",
            [G + "combining-lifting-and-running/", G + "priorities/"],
        ),
        ("stretching after run", [R + "post-run-mobility/"]),
        ("stretching", [R + "post-run-mobility/", "patterns/mobility/"]),
        ("before a run", [R + "running-warm-up/", G + "when-to-strength-train/"]),
        ("warm up before running", [R + "running-warm-up/"]),
        ("after a run", [G + "when-to-strength-train/", R + "post-run-hips/"]),
        ("marathon training strength", [*MARATHON]),
        ("marathon", [*MARATHON]),
        ("finishing kick", [G + "plyometrics-and-drills/", G + "heavy-lifting/"]),
        ("sprint speed", [G + "plyometrics-and-drills/", G + "heavy-lifting/"]),
        ("plyometrics", ["patterns/plyometric/", G + "plyometrics-and-drills/"]),
        ("running drills", ["patterns/drill/", G + "plyometrics-and-drills/"]),
        ("heavy lifting", [G + "heavy-lifting/"]),
        ("trail running", [R + "trail-leg-routine/"]),
        ("mobility", ["patterns/mobility/", R + "post-run-mobility/"]),
    ],
    "exercise names, plurals and misspellings": [
        ("clamshell", [E + "clamshell/"]),
        ("clamshells", [E + "clamshell/"]),
        ("clam shells", [E + "clamshell/"]),
        (
            "hamstring curls",
            [E + "hamstring-slider-curl/", E + "nordic-curl/", E + "hamstring-machine-curl/"],
        ),
        ("heel drops", [E + "single-leg-calf-raise/"]),
        ("calve raises", [E + "calf-raise/", E + "single-leg-calf-raise/"]),
        ("calf raises", [E + "calf-raise/", E + "single-leg-calf-raise/"]),
        ("glute bridges", [E + "glute-bridge/"]),
        ("single leg bridge", [E + "single-leg-bridge/"]),
        ("RDL", [E + "romanian-deadlift/"]),
        ("romanian deadlifts", [E + "romanian-deadlift/"]),
        ("single leg deadlift", [E + "single-leg-rdl/"]),
        ("nordic curls", [E + "nordic-curl/"]),
        ("nordics", [E + "nordic-curl/"]),
        ("copenhagen plank", [E + "copenhagen-plank/"]),
        ("side planks", [E + "side-plank/"]),
        ("planks", [E + "plank/"]),
        ("step ups", [E + "step-up/"]),
        (
            "lunges",
            [E + "forward-lunge/", E + "reverse-lunge/", E + "walking-lunge/", "patterns/lunge/"],
        ),
        ("bulgarian split squats", [E + "bulgarian-split-squat/"]),
        ("split squat", [E + "bulgarian-split-squat/", E + "static-split-squat/"]),
        ("squats", [E + "bodyweight-squat/", "patterns/squat/"]),
        ("goblet squats", [E + "goblet-squat/"]),
        ("monster walks", [E + "banded-lateral-walk/"]),
        ("fire hydrants", [E + "fire-hydrant/"]),
        ("dead bugs", [E + "dead-bug/"]),
        ("bird dogs", [E + "bird-dog/"]),
        ("pogo jumps", [E + "pogo-hops/"]),
        ("wall sits", [E + "wall-sit/"]),
        ("push ups", [E + "push-up/"]),
        ("pull ups", [E + "pull-up/"]),
        ("kettlebell swings", [E + "kettlebell-swing/"]),
        ("hip thrusts", [E + "hip-thrust/"]),
        ("tib raises", [E + "tibialis-raise/"]),
        ("leg swings", [E + "leg-swings/"]),
        ("a skips", [E + "a-skip/"]),
    ],  # Categories added later, written down with their answers before the search was run on
    # them: misspelt words (one letter dropped, doubled or wrong; two letters swapped; two
    # letters wrong in one word), questions and goals in runners' words, constraints of
    # place and time, and British spellings.
    "misspellings, one letter": [
        ("glute brige", [E + "glute-bridge/"]),
        ("clamshel", [E + "clamshell/"]),
        ("kettlebel swing", [E + "kettlebell-swing/"]),
        ("hamstrng strain", [P + "hamstring-strain/"]),
        ("patelar tendinopathy", [P + "patellar-tendinopathy/"]),
        ("dumbell", [Q + "dumbbell/"]),
        ("illiotibial band", [P + "it-band-syndrome/"]),
        ("copenhagan plank", [E + "copenhagen-plank/"]),
        ("piriformus syndrome", [P + "piriformis-syndrome/"]),
        ("tibialis raize", [E + "tibialis-raise/"]),
        ("gastrocnemeus", [M + "gastrocnemius/", CALVES]),
        ("plantar fascitis", [P + "plantar-heel-pain/"]),
    ],
    "misspellings, transposed letters": [
        ("bulgarian split sqaut", [E + "bulgarian-split-squat/"]),
        ("hip thurst", [E + "hip-thrust/"]),
        ("seated soelus raise", [E + "seated-soleus-raise/"]),
        ("gluteus meduis", [M + "gluteus-medius/"]),
        ("kettlebell swnig", [E + "kettlebell-swing/"]),
        ("romanian dealdift", [E + "romanian-deadlift/"]),
        ("hamstirngs", [M + "hamstrings/", P + "hamstring-strain/"]),
        ("plyometircs", ["patterns/plyometric/", G + "plyometrics-and-drills/"]),
        ("achilles tendinopahty", [P + "achilles-tendinopathy/", P + "calf-achilles/"]),
    ],
    "misspellings, two letters in a word": [
        ("quadracepts", [M + "quadriceps/"]),
        ("illiotibal band", [P + "it-band-syndrome/"]),
        ("trendlenberg", [P + "weak-hips/"]),
        ("perifomis", [P + "piriformis-syndrome/"]),
        ("coppenhagn plank", [E + "copenhagen-plank/"]),
        ("achilles tendonapathy", [P + "achilles-tendinopathy/", P + "calf-achilles/"]),
        ("pliometics", ["patterns/plyometric/", G + "plyometrics-and-drills/"]),
    ],
    "questions": [
        ("how many sets and reps for runners", [G + "how-hard-to-lift/", G + "heavy-lifting/"]),
        ("will lifting weights make me bulky", [G + "priorities/", G + "heavy-lifting/"]),
        (
            "should i lift before or after my run",
            [G + "when-to-strength-train/", G + "combining-lifting-and-running/"],
        ),
        ("when can i start running again after an injury", [G + "return-to-running/"]),
        ("how heavy should i lift", [G + "how-hard-to-lift/", G + "heavy-lifting/"]),
        (
            "do runners need to lift weights",
            [G + "priorities/", G + "heavy-lifting/", G + "combining-lifting-and-running/"],
        ),
        (
            "should i warm up before strength training",
            [G + "warm-up-vs-strength/", R + "running-warm-up/"],
        ),
        ("how much running is too much", [G + "load-management/"]),
        ("what should a beginner do first", [G + "priorities/", G + "general-strength-circuits/"]),
        (
            "can i do strength and running on the same day",
            [G + "combining-lifting-and-running/", G + "when-to-strength-train/"],
        ),
    ],
    "goals": [
        ("run faster uphill", [E + "hill-sprints/", G + "plyometrics-and-drills/"]),
        (
            "improve running economy",
            [G + "heavy-lifting/", G + "plyometrics-and-drills/", G + "priorities/"],
        ),
        (
            "run a faster 10k",
            [G + "heavy-lifting/", G + "plyometrics-and-drills/", G + "priorities/"],
        ),
        ("avoid injury while training for a marathon", [*MARATHON]),
        (
            "stay injury free",
            [G + "priorities/", G + "load-management/", G + "general-strength-circuits/"],
        ),
        (
            "get stronger legs for running",
            [
                G + "priorities/",
                G + "heavy-lifting/",
                G + "general-strength-circuits/",
                R + "maximal-strength/",
            ],
        ),
        ("better sprint finish", [G + "plyometrics-and-drills/", G + "heavy-lifting/"]),
        ("build a stronger core", ["patterns/core/", R + "pedestal-core/"]),
        ("come back from injury", [G + "return-to-running/"]),
    ],
    "constraints of place and time": [
        ("hotel room workout", [*AT_HOME]),
        ("no gym", [*AT_HOME]),
        ("10 minute routine", [*TEN_MINUTES]),
        ("5 minute routine", [*FIVE_MINUTES]),
        ("strength workout without weights", [*AT_HOME]),
        ("only have a resistance band", [Q + "band/"]),
        ("exercises i can do at home", [*AT_HOME]),
        ("short workout while travelling", [*AT_HOME]),
        (
            "quick routine after a run",
            [R + "post-run-hips/", R + "post-run-mobility/", R + "post-run-posterior-chain/"],
        ),
    ],
    "British spellings": [
        (
            "strength training programme",
            [G + "priorities/", "plan/", G + "general-strength-circuits/"],
        ),
        ("hip stabilisation", [P + "weak-hips/", "patterns/hip-isolation/"]),
        ("ankle mobilisation", [E + "knee-to-wall-ankle-rock/", "patterns/mobility/"]),
        ("marathon programme", [*MARATHON]),
        (
            "hamstring rehabilitation programme",
            [
                P + "hamstring-strain/",
                R + "hamstring-strain-5-minutes/",
                R + "hamstring-strain-10-minutes/",
                R + "hamstring-strain-15-minutes/",
            ],
        ),
        ("100 metre strides", [E + "strides/"]),
    ],
}
