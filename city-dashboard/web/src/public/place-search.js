// "Where are you going?": a place typed (streets, car parks and areas of the city, found by the API) or the device's
// own location, shared by the person. Choosing one calls onChoose({ name, lat, lon }). Used by the parking page and
// by the report form.

import * as api from '../shared/api.js';
import { el } from '../shared/format.js';
import { say } from '../shared/page.js';

export class PlaceSearch {
  /**
   * @param container holds the search input, a `.find` button, a `.here` button, a `.choices` block with a list and
   *     a `.message` line
   */
  constructor(container, { onChoose }) {
    this.onChoose = onChoose;
    this.input = container.querySelector('input[type=search]');
    this.choices = container.querySelector('.choices');
    this.message = container.querySelector('.message');
    container.querySelector('.find').addEventListener('click', () => this.search(this.input.value.trim()));
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        this.search(this.input.value.trim());
      }
    });
    container.querySelector('.here').addEventListener('click', () => this.here());
  }

  async search(text) {
    this.choices.hidden = true;
    if (text.length < 2) {
      say(this.message, 'Type at least two letters of a street, car park or area.');
      return;
    }
    try {
      const found = (await api.places(text)).places;
      if (found.length === 0) {
        say(this.message, `Nothing called "${text}" was found in this city. Try another spelling or a nearby street.`);
      } else if (found.length === 1 || found[0].name.toLowerCase() === text.toLowerCase()) {
        this.onChoose(found[0]);
      } else {
        say(this.message, `${found.length} places match "${text}". Choose one.`);
        this.choices.querySelector('ul').replaceChildren(...found.map((place) => el('li', {},
          el('button', { type: 'button', className: 'link', onClick: () => this.pick(place) },
            place.name, el('span', { className: 'kind' }, ` (${KINDS[place.kind] ?? place.kind})`)))));
        this.choices.hidden = false;
        this.choices.querySelector('button').focus();
      }
    } catch (e) {
      say(this.message, `Sorry, the search did not work: ${e.message}`);
    }
  }

  pick(place) {
    this.choices.hidden = true;
    this.input.value = place.name;
    this.onChoose(place);
  }

  here() {
    if (!navigator.geolocation) {
      say(this.message, 'This browser cannot share your location. Type a street instead.');
      return;
    }
    say(this.message, 'Finding your location…');
    navigator.geolocation.getCurrentPosition(
      (position) => this.onChoose({
        name: 'your location',
        lat: position.coords.latitude,
        lon: position.coords.longitude,
      }),
      () => say(this.message, 'Your location is not available. Type a street instead.'),
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 60_000 });
  }
}

const KINDS = { street: 'street', carpark: 'car park', zone: 'area' };
