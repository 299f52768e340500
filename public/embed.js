/*! Reverse Wave embed helper (MIT). Add it once to a page that embeds Reverse Wave in iframes:
 *    <script src="https://YOUR-HOST/reverse-wave/embed.js" async></script>
 * Each Reverse Wave frame posts {type: "reverse-wave:resize", height: <CSS px>} when its content changes
 * height; this sets that frame's height so it fits without an inner scrollbar. On load it sends every frame
 * {type: "reverse-wave:size-please"}, so frames that started first report again. Only messages of exactly that
 * shape, from a frame on this page, are used; nothing received is ever evaluated or inserted as markup.
 * No dependencies, no network requests, nothing stored. */
(function () {
  'use strict';
  // Tall enough for the longest view (the Sources page lists every source: about 35,000 px at desktop width).
  var MAX = 100000;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'reverse-wave:resize') return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height) || height < 0 || height > MAX) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      // Matched by the window that sent the message, which works for sandboxed frames (origin "null") too.
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.ceil(height) + 'px';
        return;
      }
    }
  });
  // Frames that loaded before this script reported their height to nobody: ask them all to say it again.
  // A frame that is not Reverse Wave ignores the message.
  var frames = document.getElementsByTagName('iframe');
  for (var i = 0; i < frames.length; i++) {
    try { frames[i].contentWindow.postMessage({ type: 'reverse-wave:size-please' }, '*'); } catch (e) { /* gone */ }
  }
})();
