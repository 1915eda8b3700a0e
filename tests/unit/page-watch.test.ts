// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchUrl } from '../../engine/page-watch';

const delivered = () => new Promise((resolve) => setTimeout(resolve, 0));
const controllers: AbortController[] = [];
function lifetime() {
  const controller = new AbortController();
  controllers.push(controller);
  return controller.signal;
}

afterEach(() => {
  for (const c of controllers.splice(0)) c.abort();
  Reflect.deleteProperty(window, 'navigation');
  vi.restoreAllMocks();
  history.replaceState(null, '', '/');
});

describe('watchUrl', () => {
  it('without the Navigation API, sees a history push at the re-render that follows it', async () => {
    const onChange = vi.fn();
    watchUrl(onChange, lifetime());
    history.pushState(null, '', '/thu-tuc/1');
    expect(onChange).not.toHaveBeenCalled();
    document.body.append(document.createElement('section'));
    await delivered();
    expect(onChange).toHaveBeenCalledExactlyOnceWith(`${location.origin}/thu-tuc/1`);
    document.body.append(document.createElement('section'));
    await delivered();
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('with the Navigation API, is told by currententrychange and puts no observer on the page', async () => {
    const navigation = new EventTarget();
    Object.defineProperty(window, 'navigation', { value: navigation, configurable: true });
    const observers = vi.spyOn(window, 'MutationObserver');
    const onChange = vi.fn();
    watchUrl(onChange, lifetime());
    expect(observers).not.toHaveBeenCalled();
    history.pushState(null, '', '/thu-tuc/2');
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(onChange).toHaveBeenCalledExactlyOnceWith(`${location.origin}/thu-tuc/2`);
  });

  it('hears back and forward, and stops when its signal aborts', async () => {
    const onChange = vi.fn();
    const controller = new AbortController();
    watchUrl(onChange, controller.signal);
    history.replaceState(null, '', '/a');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(onChange).toHaveBeenCalledTimes(1);
    controller.abort();
    history.replaceState(null, '', '/b');
    window.dispatchEvent(new PopStateEvent('popstate'));
    document.body.append(document.createElement('div'));
    await delivered();
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('hears a hash change at once, without waiting for a re-render', () => {
    const onChange = vi.fn();
    watchUrl(onChange, lifetime());
    history.replaceState(null, '', '/#buoc-2');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(onChange).toHaveBeenCalledExactlyOnceWith(`${location.origin}/#buoc-2`);
  });

  it('stops hearing hash changes and the Navigation API when its signal aborts', () => {
    const navigation = new EventTarget();
    Object.defineProperty(window, 'navigation', { value: navigation, configurable: true });
    const onChange = vi.fn();
    const controller = new AbortController();
    watchUrl(onChange, controller.signal);
    controller.abort();
    history.replaceState(null, '', '/#sau');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(onChange).not.toHaveBeenCalled();
  });
});
