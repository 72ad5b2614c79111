/** Placeholder: the interactive continuum of need arrives with the training issue. */
export function ThresholdExplorer() {
  return (
    <section aria-labelledby="threshold-heading">
      <h2 id="threshold-heading">The continuum of need</h2>
      <p>The threshold explorer is being built.</p>
    </section>
  );
}
