/** Placeholder: the training mode (a learner works a front-door queue) arrives with its issue. */
export function TrainingApp() {
  return (
    <section aria-labelledby="training-heading">
      <h2 id="training-heading">Training</h2>
      <p>The training mode is being built.</p>
    </section>
  );
}
