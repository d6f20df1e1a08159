"""The plan builder: placement rules as data (content/plan/rules.yml) and the compact JSON the
/plan/ page computes a runner's week from."""
