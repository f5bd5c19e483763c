"""Reporters: findings (and for HTML and ``extract`` the analyses) rendered for people and
machines. Every format takes the same findings and positions (checker.report.positions);
none computes anything a rule decides."""
