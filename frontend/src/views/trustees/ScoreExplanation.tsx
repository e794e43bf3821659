/** What the score means, and what it does not, in plain words. */
export function ScoreExplanation() {
  return (
    <section className="card" data-testid="track-explanation">
      <h2>Trustee track records</h2>
      <p>
        Shares of a grant round are weighted by the trustees' estimated probability that each piece of work
        pays off. Here each trustee's revealed estimates are compared with what happened. A funded application{" "}
        <strong>paid off</strong> when a technique it produced is named by a company's Promise of Future
        Returns that paid a period (with returns above zero) before the round's{" "}
        <strong>outcome horizon</strong>; it <strong>did not pay off</strong> when the horizon passes without
        that. The council may also record a resolution (for work adopted without a Promise), shown as such; a
        paid period always counts.
      </p>
      <p>
        The <strong>Brier score</strong> is the mean of (estimate − outcome)², with outcome 1 for paid off and
        0 for not: 0 is perfect, 0.25 is what always saying 50 % earns, 1 is always certain and always wrong.
        The calibration chart asks whether, of all estimates near 30 %, about 30 % paid off.
      </p>
      <p className="hint">
        What it does not say: with few outcomes the score is mostly luck — the interval shows how wide the
        uncertainty is, and "based on N outcomes" how much it rests on. Pending outcomes are not scored yet.
        Unfunded applications never get an outcome, so a trustee's low estimates that kept work unfunded are
        never tested. Research pays off late: a score says how past estimates fared, not who is right today.
      </p>
    </section>
  );
}
