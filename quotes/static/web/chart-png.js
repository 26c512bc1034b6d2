// "Download PNG": draw the server's SVG chart on a canvas and save it, without any network call
// beyond the app itself (the SVG is the same file as the SVG download).
document.addEventListener("click", async (event) => {
  const link = event.target.closest("a[data-png-from]");
  if (!link) return;
  event.preventDefault();
  const svgText = await (await fetch(link.dataset.pngFrom)).text();
  const svg = new DOMParser().parseFromString(svgText, "image/svg+xml").documentElement;
  const box = svg.viewBox && svg.viewBox.baseVal;
  const width = (box && box.width) || parseFloat(svg.getAttribute("width")) || 960;
  const height = (box && box.height) || parseFloat(svg.getAttribute("height")) || 480;
  const scale = 2;  // crisp enough for a paper
  const image = new Image();
  image.onload = () => {
    const canvas = document.createElement("canvas");
    canvas.width = width * scale;
    canvas.height = height * scale;
    const context = canvas.getContext("2d");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const save = document.createElement("a");
    save.download = link.getAttribute("download") || "stance-chart.png";
    save.href = canvas.toDataURL("image/png");
    document.body.appendChild(save);
    save.click();
    save.remove();
  };
  image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svgText);
});
