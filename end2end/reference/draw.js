// Draws the reference chart without animation and records when it is on screen: the page is then usable.
// The numbers are placeholders; nobody reads this page but the bench.
new Chart(document.getElementById('chart'), {
  type: 'bar',
  data: {
    labels: ['A', 'B', 'C', 'D', 'E', 'F'],
    datasets: [
      { label: 'First series', data: [71, 69, 66, 64, 62, 60] },
      { label: 'Second series', data: [29, 31, 34, 36, 38, 40] },
    ],
  },
  options: { animation: false, maintainAspectRatio: false },
});
requestAnimationFrame(() => { window.__usable = performance.now(); });
