"""Train screening's statistical tier on the development part of the evaluation set.

    pip install -e ".[model]"
    python manage.py build_screening_model

Writes moderation/screening/model.json. Only the development part is used:
the held-out part measures the result (bench/screening_quality.py).
"""

import json

from django.core.management.base import BaseCommand, CommandError

from moderation.screening import model, rules
from moderation.screening.corpus import examples
from moderation.screening.normalise import normalise

REGULARISATION = 10.0  # scikit-learn's C, chosen by cross-validation on the development part


class Command(BaseCommand):
    help = "Train screening's statistical tier on the evaluation set's development part."

    def handle(self, *args, **options):
        try:
            from sklearn.feature_extraction.text import TfidfVectorizer
            from sklearn.linear_model import LogisticRegression
        except ImportError:
            raise CommandError('This needs scikit-learn: pip install -e ".[model]"') from None
        words = rules.current_rules().crisis.words
        texts = examples("dev")
        vectoriser = TfidfVectorizer(analyzer=lambda text: model.terms_of(normalise(text, words)),
                                     min_df=2, sublinear_tf=True)
        features = vectoriser.fit_transform([example.text for example in texts])
        classifier = LogisticRegression(C=REGULARISATION, max_iter=3000, class_weight="balanced")
        classifier.fit(features, [example.level for example in texts])
        order = [list(classifier.classes_).index(level) for level in model.LEVELS]
        terms = {
            term: [round(float(vectoriser.idf_[column]), 5),
                   *(round(float(classifier.coef_[row, column]), 5) for row in order)]
            for term, column in vectoriser.vocabulary_.items()
        }
        model.WEIGHTS.write_text(json.dumps({
            "trained_on": f"{len(texts)} texts, the development part of the evaluation set",
            "intercepts": [round(float(classifier.intercept_[row]), 5) for row in order],
            "terms": dict(sorted(terms.items())),
        }, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        model.weights.cache_clear()
        self.stdout.write(f"Wrote {model.WEIGHTS} ({len(terms)} terms).")
