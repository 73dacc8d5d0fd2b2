// A widget that follows the window's width; `leak` forgets to stop on unmount.
function mount(leak) {
  const el = document.createElement('div');
  el.innerHTML = '<span>width</span><button>close</button>';
  document.body.appendChild(el);
  const onResize = () => {
    el.dataset.width = String(window.innerWidth);
  };
  window.addEventListener('resize', onResize);
  return () => {
    if (!leak) window.removeEventListener('resize', onResize);
    el.remove();
  };
}

module.exports = { mount };

// A panel list that keeps every panel it closes: detached DOM.
const closedPanels = [];
function openAndClosePanel() {
  const panel = document.createElement('section');
  panel.innerHTML = '<h2>title</h2><p>body</p>';
  document.body.appendChild(panel);
  panel.remove();
  closedPanels.push(panel);
}

module.exports.openAndClosePanel = openAndClosePanel;
